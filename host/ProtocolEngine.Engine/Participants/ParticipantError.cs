namespace ProtocolEngine.Engine.Participants;

/// <summary>One refused value of participant data, at its JSON path ($.age, $.metastases[0].level).</summary>
public sealed record ParticipantError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
