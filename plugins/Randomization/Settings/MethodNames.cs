namespace ProtocolEngine.Plugins.Randomization.Settings;

/// <summary>The methods this plugin offers, as protocols name them.</summary>
internal static class MethodNames
{
    public const string PermutedBlocks = "permuted-blocks";
    public const string Minimization = "minimization";
    public const string Simple = "simple";

    public static readonly IReadOnlyList<string> All = [PermutedBlocks, Minimization, Simple];
}
