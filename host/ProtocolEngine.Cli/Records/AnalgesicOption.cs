using System.CommandLine;
using System.Globalization;
using ProtocolEngine.Engine.Reference;
using ProtocolEngine.Engine.Assessments;

namespace ProtocolEngine.Cli.Records;

/// <summary>The repeatable `--analgesic DRUG=AMOUNT` option of assessments and diary entries.</summary>
public static class AnalgesicOption
{
    public static Option<string[]> Create() => new("--analgesic")
    {
        Description = $"DRUG=AMOUNT taken in the last 24 h, repeatable; drugs: {string.Join(", ", OmedTable.Default.Drugs.Select(d => $"{d.Id} ({d.Unit})"))}.",
        AllowMultipleArgumentsPerToken = false,
    };

    public static IReadOnlyList<AnalgesicInput> Parse(string[]? values) => (values ?? []).Select(ParseOne).ToList();

    private static AnalgesicInput ParseOne(string text)
    {
        var parts = text.Split('=', 2);
        if (parts.Length != 2 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
            throw new CliInputException($"--analgesic: '{text}' must be DRUG=AMOUNT, e.g. oxycodone=20.");
        return new AnalgesicInput(parts[0].Trim(), amount);
    }
}
