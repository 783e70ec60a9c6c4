using System.Text.Json;
using ProtocolEngine.Engine.Loading;
using ProtocolEngine.Engine.Scenarios;
using ProtocolEngine.Engine.Screening;

namespace ProtocolEngine.Engine.Demo;

/// <summary>
/// Participants the protocol's author wrote as eligible (the scenarios expected 'eligible'): the demo
/// starts each eligible synthetic participant from one of them, so the data is shaped by the
/// protocol itself rather than by guesses about its rules.
/// </summary>
public sealed record DemoTemplates(IReadOnlyList<IReadOnlyDictionary<string, JsonElement>> Eligible)
{
    public static DemoTemplates None { get; } = new([]);

    public static DemoTemplates From(ProtocolDocument document)
    {
        var eligible = ScenarioRunner.FilesOf(document)
            .SelectMany(ScenarioFile.Read)
            .Where(c => c.ExpectedStatus == ScreeningStatus.Eligible)
            .Select(c => (IReadOnlyDictionary<string, JsonElement>)c.Participant.ToDictionary(kv => kv.Key, kv => JsonSerializer.SerializeToElement(kv.Value)))
            .ToList();
        return new DemoTemplates(eligible);
    }
}
