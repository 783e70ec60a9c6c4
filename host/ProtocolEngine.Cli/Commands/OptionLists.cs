using System.Globalization;

namespace ProtocolEngine.Cli.Commands;

/// <summary>Parses the comma- and colon-separated lists of command-line options, refusing bad items by option name.</summary>
internal static class OptionLists
{
    public static IReadOnlyList<string> Names(string? text, string option) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split(',').Select(s => s.Trim()).Select(s => s.Length > 0 ? s : throw new CliInputException($"{option}: an empty item in '{text}'; separate items with single commas.")).ToList();

    public static IReadOnlyList<int> Integers(string? text, string option, char separator = ',') =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.Split(separator).Select(s => int.TryParse(s.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw new CliInputException($"{option}: '{s.Trim()}' is not a whole number; write e.g. {(separator == ':' ? "2:1" : "2,4,6")}.")).ToList();

    /// <summary>The factors and levels of "factor=level1,level2" items, in order.</summary>
    public static IReadOnlyList<(string Factor, IReadOnlyList<string> Levels)> Strata(IReadOnlyList<string> items)
    {
        var result = new List<(string, IReadOnlyList<string>)>();
        foreach (var item in items)
        {
            var parts = item.Split('=', 2);
            if (parts.Length != 2 || parts[0].Trim().Length == 0)
                throw new CliInputException($"--strata: '{item}' is not factor=level,level; write e.g. --strata site=mianyang,chengdu ecog=0,1.");
            var factor = parts[0].Trim();
            var levels = Names(parts[1], $"--strata {factor}");
            if (levels.Count == 0)
                throw new CliInputException($"--strata: factor '{factor}' has no levels; write e.g. {factor}=a,b.");
            result.Add((factor, levels));
        }
        return result;
    }

    /// <summary>Every combination of the factors' levels, the first factor varying slowest.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Combinations(IEnumerable<(string Factor, IReadOnlyList<string> Levels)> factors)
    {
        IEnumerable<Dictionary<string, string>> strata = [new Dictionary<string, string>()];
        foreach (var (factor, levels) in factors)
            strata = strata.SelectMany(s => levels.Select(l => new Dictionary<string, string>(s) { [factor] = l })).ToList();
        return strata.ToList<IReadOnlyDictionary<string, string>>();
    }
}
