namespace ProtocolEngine.Contracts.Plugins;

/// <summary>
/// Allocates participants to arms. Implementations must be reproducible: the same settings (seed included)
/// and the same request give the same answer on every machine and runtime. Allocation is concealed:
/// <see cref="Allocate"/> reveals the arm of one participant at a time; <see cref="GenerateList"/> produces the
/// whole list for the statistician's export and must agree with <see cref="Allocate"/> position by position.
/// </summary>
public interface IRandomizationPlugin : IPlugin
{
    /// <summary>The methods this plugin offers (e.g. "permuted-blocks", "minimization", "simple").</summary>
    IReadOnlyList<string> Methods { get; }

    /// <summary>Checks settings; returns every problem found (empty when the settings can be used).</summary>
    IReadOnlyList<SettingIssue> Validate(RandomizationSettings settings);

    /// <summary>Allocates the participant described by <paramref name="request"/>.</summary>
    /// <exception cref="ArgumentException">The settings or the request are invalid; the message says which field and why.</exception>
    AllocationResult Allocate(RandomizationSettings settings, AllocationRequest request);

    /// <summary>
    /// Generates the allocation list of each stratum for export, at least <paramref name="countPerStratum"/>
    /// entries per stratum (a method with blocks completes the last block).
    /// </summary>
    /// <param name="settings">The randomization settings.</param>
    /// <param name="strata">One entry per stratum: the level of every stratification factor. Empty levels for an unstratified trial.</param>
    /// <param name="countPerStratum">The number of participants each stratum must be able to take.</param>
    /// <exception cref="ArgumentException">Invalid settings, strata or count, or a method that has no list in advance (minimization).</exception>
    IReadOnlyList<AllocationListEntry> GenerateList(RandomizationSettings settings, IReadOnlyList<IReadOnlyDictionary<string, string>> strata, int countPerStratum);
}
