using System.Text.Json;
using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Engine.Screening;

/// <summary>A stored screening: the variables entered, investigator attestations, the verdicts and the protocol version used.</summary>
public sealed record ScreeningRecord : IRecord
{
    public static string Collection => "screenings";
    public string Id { get; init; } = "";
    public string ParticipantId { get; init; } = "";
    string? IRecord.ParticipantId => ParticipantId;
    public DateOnly ScreenedOn { get; init; }
    public IReadOnlyDictionary<string, JsonElement> Variables { get; init; } = new Dictionary<string, JsonElement>();
    public IReadOnlyDictionary<string, bool> Attestations { get; init; } = new Dictionary<string, bool>();
    public ScreeningOutcome Outcome { get; init; } = new();
    public string ProtocolHash { get; init; } = "";
}
