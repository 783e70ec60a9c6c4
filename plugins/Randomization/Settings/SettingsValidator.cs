using ProtocolEngine.Contracts.Plugins;

namespace ProtocolEngine.Plugins.Randomization.Settings;

/// <summary>Finds every problem with a set of randomization settings, each naming the protocol field.</summary>
internal static class SettingsValidator
{
    public static IReadOnlyList<SettingIssue> Validate(RandomizationSettings s)
    {
        var issues = new List<SettingIssue>();
        if (!MethodNames.All.Contains(s.Method, StringComparer.Ordinal))
            issues.Add(new("method", $"unknown method '{s.Method}'; use one of {string.Join(", ", MethodNames.All)}"));
        ArmIssues(s, issues);
        NameListIssues("strata", s.Strata, issues);
        if (s.Method == MethodNames.PermutedBlocks)
            BlockIssues(s, issues);
        else if (s.BlockSizes.Count > 0 || s.BlockSizeWeights.Count > 0)
            issues.Add(new("block_sizes", $"only permuted-blocks uses block sizes, not '{s.Method}'; remove block_sizes or change the method"));
        if (s.Method == MethodNames.Minimization)
            MinimizationIssues(s, issues);
        else if (s.Factors.Count > 0)
            issues.Add(new("minimization.factors", $"only minimization uses factors, not '{s.Method}'; remove them or set method: minimization"));
        return issues;
    }

    /// <summary>Throws one exception listing every issue, for callers that skipped <see cref="Validate"/>.</summary>
    public static void ThrowIfInvalid(RandomizationSettings s)
    {
        var issues = Validate(s);
        if (issues.Count > 0)
            throw new ArgumentException("Invalid randomization settings: " + string.Join("; ", issues));
    }

    public static int RatioSum(RandomizationSettings s) => s.Arms.Sum(a => a.Ratio);

    private static void ArmIssues(RandomizationSettings s, List<SettingIssue> issues)
    {
        if (s.Arms.Count < 2)
            issues.Add(new("arms", $"randomization needs at least 2 arms, got {s.Arms.Count}"));
        foreach (var arm in s.Arms.Where(a => a.Ratio < 1))
            issues.Add(new("arms", $"arm '{arm.ArmId}' has ratio {arm.Ratio}; a ratio is a positive integer (2 and 1 give 2:1)"));
        NameListIssues("arms", s.Arms.Select(a => a.ArmId).ToList(), issues);
    }

    private static void BlockIssues(RandomizationSettings s, List<SettingIssue> issues)
    {
        var ratioSum = RatioSum(s);
        var ratio = string.Join(":", s.Arms.Select(a => a.Ratio));
        if (s.BlockSizes.Count == 0)
            issues.Add(new("block_sizes", $"permuted-blocks needs at least one block size; give multiples of the ratio sum {ratioSum}, e.g. {ratioSum}, {2 * ratioSum}, {3 * ratioSum}"));
        foreach (var size in s.BlockSizes)
        {
            if (size <= 0)
                issues.Add(new("block_sizes", $"block size {size} must be positive"));
            else if (ratioSum > 0 && size % ratioSum != 0)
                issues.Add(new("block_sizes", $"block size {size} is not a multiple of the ratio sum {ratioSum} (ratio {ratio}); use multiples of {ratioSum}, e.g. {ratioSum}, {2 * ratioSum}, {3 * ratioSum}"));
        }
        foreach (var size in s.BlockSizes.GroupBy(b => b).Where(g => g.Count() > 1).Select(g => g.Key))
            issues.Add(new("block_sizes", $"block size {size} is listed more than once; list each size once and use block_size_weights for frequencies"));
        if (s.BlockSizeWeights.Count > 0 && s.BlockSizeWeights.Count != s.BlockSizes.Count)
            issues.Add(new("block_size_weights", $"{s.BlockSizeWeights.Count} weights for {s.BlockSizes.Count} block sizes; give one weight per block size, or none for equal frequencies"));
        foreach (var weight in s.BlockSizeWeights.Where(w => w < 1))
            issues.Add(new("block_size_weights", $"weight {weight} must be a positive integer"));
    }

    private static void MinimizationIssues(RandomizationSettings s, List<SettingIssue> issues)
    {
        if (s.Factors.Count == 0)
            issues.Add(new("minimization.factors", "minimization needs at least one factor; list them under minimization.factors, each with a factor ('site' or a variable id) and a weight"));
        NameListIssues("minimization.factors", s.Factors.Select(f => f.Factor).ToList(), issues);
        foreach (var f in s.Factors.Where(f => !double.IsFinite(f.Weight) || f.Weight < 0))
            issues.Add(new("minimization.factors", $"factor '{f.Factor}' has weight {f.Weight}; a weight is a finite number >= 0"));
        if (s.Factors.Count > 0 && s.Factors.All(f => f.Weight <= 0))
            issues.Add(new("minimization.factors", "every factor weight is 0, so nothing would be balanced; give at least one factor a positive weight"));
        if (!(s.AssignmentProbability >= 0.5 && s.AssignmentProbability <= 1.0))
            issues.Add(new("minimization.probability", $"probability {s.AssignmentProbability} is outside [0.5, 1]; use e.g. 0.8 (the chance of assigning the arm that minimizes imbalance)"));
    }

    private static void NameListIssues(string field, IReadOnlyList<string> names, List<SettingIssue> issues)
    {
        foreach (var name in names.Where(n => string.IsNullOrWhiteSpace(n) || n.IndexOfAny(StratumKey.Reserved) >= 0))
            issues.Add(new(field, $"'{name}' is not a usable name; names are non-empty and contain none of ';', '=', line breaks"));
        foreach (var name in names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
            issues.Add(new(field, $"'{name}' is listed more than once; list each once"));
    }
}
