namespace ProtocolEngine.Engine.Participants;

/// <summary>The data when every value was acceptable, and every refused value otherwise.</summary>
public sealed record ParticipantReadResult(ParticipantData? Data, IReadOnlyList<ParticipantError> Errors);
