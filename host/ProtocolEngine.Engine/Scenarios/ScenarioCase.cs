using System.Text.Json.Nodes;
using ProtocolEngine.Engine.Screening;

namespace ProtocolEngine.Engine.Scenarios;

/// <summary>
/// One scenario: participant data (the file's base with some values set or removed) and what the
/// screening must give: the status, and the verdict (and missing variables) of named criteria.
/// </summary>
public sealed record ScenarioCase(
    string File,
    string Name,
    JsonObject Participant,
    ScreeningStatus? ExpectedStatus,
    IReadOnlyDictionary<string, Verdict> ExpectedVerdicts,
    IReadOnlyDictionary<string, IReadOnlyList<string>> ExpectedMissing);
