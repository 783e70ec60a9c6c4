using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Plugins.Randomization.Methods;
using ProtocolEngine.Plugins.Randomization.Settings;

namespace ProtocolEngine.Plugins.Randomization;

/// <summary>
/// The host's randomization plugin: permuted blocks (random block sizes, any integer ratio, stratified),
/// Pocock-Simon minimization and simple randomization. Every draw comes from xoshiro256** streams derived
/// from the trial seed by SHA-256, so a seed gives the same allocations everywhere.
/// </summary>
public sealed class RandomizationPlugin : IRandomizationPlugin
{
    private const int MaxListCount = 1_000_000;

    /// <inheritdoc/>
    public string Name => "Randomization";

    /// <inheritdoc/>
    public string Version => typeof(RandomizationPlugin).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <inheritdoc/>
    public string Description => "Permuted blocks, Pocock-Simon minimization and simple randomization; seeded xoshiro256** streams.";

    /// <inheritdoc/>
    public IReadOnlyList<string> Methods => MethodNames.All;

    /// <inheritdoc/>
    public IReadOnlyList<SettingIssue> Validate(RandomizationSettings settings) => SettingsValidator.Validate(settings);

    /// <inheritdoc/>
    public AllocationResult Allocate(RandomizationSettings settings, AllocationRequest request)
    {
        SettingsValidator.ThrowIfInvalid(settings);
        if (request.Position < 0)
            throw new ArgumentException($"position {request.Position} is negative; it counts the participants of the stratum randomized before (0 for the first).");
        var stratum = StratumKey.Of(settings, request.Levels);
        var arm = MethodFor(settings).Allocate(settings, request, stratum);
        return new AllocationResult(arm, stratum, request.Position + 1);
    }

    /// <inheritdoc/>
    public IReadOnlyList<AllocationListEntry> GenerateList(RandomizationSettings settings, IReadOnlyList<IReadOnlyDictionary<string, string>> strata, int countPerStratum)
    {
        SettingsValidator.ThrowIfInvalid(settings);
        if (countPerStratum is < 1 or > MaxListCount)
            throw new ArgumentException($"count {countPerStratum} is outside 1-{MaxListCount}; give the number of participants per stratum.");
        IReadOnlyList<IReadOnlyDictionary<string, string>> all = strata.Count == 0 && settings.Strata.Count == 0 ? [new Dictionary<string, string>()] : strata;
        if (all.Count == 0)
            throw new ArgumentException($"no strata given; list the levels of {string.Join(", ", settings.Strata)} for each stratum.");
        var keys = all.Select(levels => StratumKey.Of(settings, levels)).ToList();
        if (keys.GroupBy(k => k).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
            throw new ArgumentException($"stratum '{duplicate.Key}' is listed more than once; list each stratum once.");
        var method = MethodFor(settings);
        return keys.SelectMany(key => method.List(settings, key, countPerStratum)).ToList();
    }

    private static IAllocationMethod MethodFor(RandomizationSettings settings) => settings.Method switch
    {
        MethodNames.PermutedBlocks => new PermutedBlocks(),
        MethodNames.Minimization => new Minimization(),
        _ => new SimpleRandomization(),
    };
}
