namespace ProtocolEngine.Contracts.Plugins;

/// <summary>The participant being randomized now.</summary>
public sealed record AllocationRequest
{
    /// <summary>
    /// The participant's level of every stratification factor and every minimization factor
    /// (e.g. "site" -> "mianyang", "ecog" -> "1").
    /// </summary>
    public IReadOnlyDictionary<string, string> Levels { get; init; } = new Dictionary<string, string>();

    /// <summary>How many participants of this participant's stratum were randomized before (0 for the first).</summary>
    public int Position { get; init; }

    /// <summary>
    /// Minimization only: every participant randomized before, with their arm and factor levels. Other methods ignore it.
    /// </summary>
    public IReadOnlyList<PriorAllocation> Prior { get; init; } = [];
}
