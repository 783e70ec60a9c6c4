namespace ProtocolEngine.Tests.Storage.Conformance;

/// <summary>A second record type of the suite, in a collection of its own.</summary>
public sealed record SampleNote(string Id, string? ParticipantId, string Text) : IRecord
{
    public static string Collection => "conformance_notes";
}
