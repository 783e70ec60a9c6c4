using ProtocolEngine.Contracts.Plugins;

namespace ProtocolEngine.Plugins.Randomization.Settings;

/// <summary>The text key of a stratum: "factor=level" pairs in the settings' order joined by ';', or "all".</summary>
internal static class StratumKey
{
    public const string Unstratified = "all";
    public static readonly char[] Reserved = [';', '=', '\n', '\r'];

    public static string Of(RandomizationSettings settings, IReadOnlyDictionary<string, string> levels)
    {
        if (settings.Strata.Count == 0)
            return Unstratified;
        return string.Join(";", settings.Strata.Select(factor => $"{factor}={LevelOf(levels, factor, "stratification factor")}"));
    }

    /// <summary>The participant's level of a factor, refused when missing or unusable in a key.</summary>
    public static string LevelOf(IReadOnlyDictionary<string, string> levels, string factor, string role)
    {
        if (!levels.TryGetValue(factor, out var level) || string.IsNullOrWhiteSpace(level))
            throw new ArgumentException($"No level given for {role} '{factor}'; every participant needs one (levels given: {Describe(levels)}).");
        if (level.IndexOfAny(Reserved) >= 0)
            throw new ArgumentException($"The level '{level}' of '{factor}' contains ';', '=' or a line break; use a level code without them.");
        return level;
    }

    private static string Describe(IReadOnlyDictionary<string, string> levels) =>
        levels.Count == 0 ? "none" : string.Join(", ", levels.Select(kv => $"{kv.Key}={kv.Value}"));
}
