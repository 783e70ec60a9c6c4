using System.Text.Json;
using System.Text.RegularExpressions;

namespace ProtocolEngine.Tests.Records.Support;

/// <summary>
/// One demo trial on a copy of the seed protocol, run through the CLI with a fixed clock and exported
/// as JSON, shared by the consistency tests. The copy has a daily diary and age, sex and screening
/// date bound to the registration; where the seed protocol already has them it is left as it is.
/// </summary>
public sealed partial class DemoTrial : IDisposable
{
    public const int Participants = 150;
    public static readonly DateOnly Today = new(2026, 11, 27);

    public CliHarness Harness { get; }
    public JsonElement Summary { get; }
    public JsonElement Export { get; }

    public DemoTrial()
    {
        Harness = CliHarness.ForSeedProtocol();
        File.WriteAllText(Harness.ProtocolPath, WithDiaryAndRegistration(File.ReadAllText(Harness.ProtocolPath)));
        Harness.Clock.SetDate(Today);
        Summary = JsonDocument.Parse(Harness.Ok("demo", "--participants", $"{Participants}", "--seed", "7", "--format", "json")).RootElement.Clone();
        var file = Path.Combine(Harness.Dir, "export.json");
        Harness.Ok("export", "--format", "json", "--out", file);
        Export = JsonDocument.Parse(File.ReadAllText(file)).RootElement.Clone();
    }

    public IEnumerable<JsonElement> Records(string collection) => Export.GetProperty(collection).EnumerateArray();

    public static DateOnly Date(JsonElement e, string property) => DateOnly.Parse(e.GetProperty(property).GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    public static string Text(JsonElement e, string property) => e.GetProperty(property).GetString()!;

    public static string WithDiaryAndRegistration(string yaml)
    {
        foreach (var (id, datum) in new[] { ("screening_date", "screening-date"), ("age", "age"), ("sex", "sex") })
            if (!yaml.Contains($"registration: {datum}", StringComparison.Ordinal))
                yaml = yaml.Replace($"- {{id: {id}, ", $"- {{id: {id}, registration: {datum}, ", StringComparison.Ordinal);
        if (!DiarySection().IsMatch(yaml))
            yaml = EndpointsSection().Replace(yaml, "diary:\n  label: Daily pain diary\n  days_after_end: 10\n  collect: [pain, analgesics]\n\nendpoints:", 1);
        return yaml;
    }

    public void Dispose() => Harness.Dispose();

    [GeneratedRegex("^diary:", RegexOptions.Multiline)]
    private static partial Regex DiarySection();

    [GeneratedRegex("^endpoints:", RegexOptions.Multiline)]
    private static partial Regex EndpointsSection();
}
