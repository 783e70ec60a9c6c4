using System.CommandLine;
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
        if (parts.Length != 2 || parts[0].Trim().Length == 0)
            throw new CliInputException($"--analgesic: '{text}' must be DRUG=AMOUNT, e.g. oxycodone=20.");
        if (!CliNumbers.TryReal(parts[1], out var amount, out var problem))
            throw new CliInputException($"--analgesic {parts[0].Trim()}: the amount {problem}");
        return new AnalgesicInput(parts[0].Trim(), amount);
    }
}
