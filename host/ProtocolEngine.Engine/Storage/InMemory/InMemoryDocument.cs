namespace ProtocolEngine.Engine.Storage.InMemory;

/// <summary>A record as the in-memory store keeps it: its participant and its exact RecordJson text, never the object.</summary>
internal sealed record InMemoryDocument(string? ParticipantId, string Json);
