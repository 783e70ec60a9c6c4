namespace ProtocolEngine.Engine.Participants;

/// <summary>
/// One participant's values by variable id, already checked and typed: int, double, bool, DateOnly,
/// string; T[] for many; records as an array of field dictionaries. An absent id is missing data.
/// </summary>
public sealed record ParticipantData(IReadOnlyDictionary<string, object> Values);
