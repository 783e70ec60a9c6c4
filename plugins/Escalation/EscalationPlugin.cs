using ProtocolEngine.Contracts.Plugins;

namespace ProtocolEngine.Plugins.Escalation;

/// <summary>The host's dose-escalation designs: the standard 3+3 and BOIN (Liu and Yuan 2015) as the BOIN R package runs it.</summary>
public sealed class EscalationPlugin : IDoseEscalationSimulator
{
    /// <inheritdoc/>
    public string Name => "Escalation";

    /// <inheritdoc/>
    public string Version => typeof(EscalationPlugin).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <inheritdoc/>
    public string Description => "Dose-escalation designs 3+3 and BOIN: decisions, decision tables, simulated operating characteristics.";

    /// <inheritdoc/>
    public IReadOnlyList<string> Designs { get; } = [ThreePlusThree.Name, Boin.Name];

    /// <inheritdoc/>
    public DoseDecision Decide(DoseEscalationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var doses = request.Doses;
        if (doses.Count == 0)
            throw new ArgumentException("doses: no dose level given; give every level in ascending order.");
        int[] n = new int[doses.Count], y = new int[doses.Count];
        for (var i = 0; i < doses.Count; i++)
        {
            var level = doses[i];
            if (level.Level != i + 1)
                throw new ArgumentException($"doses[{i}]: level {level.Level} where level {i + 1} was expected; give the levels 1, 2, ... in order.");
            if (level.Treated < 0 || level.Dlt < 0 || level.Dlt > level.Treated)
                throw new ArgumentException($"level {level.Level}: {level.Dlt} DLT among {level.Treated} treated is impossible.");
            n[i] = level.Treated;
            y[i] = level.Dlt;
        }
        if (request.CurrentLevel < 1 || request.CurrentLevel > doses.Count)
            throw new ArgumentException($"current level {request.CurrentLevel} is outside the levels 1 to {doses.Count}.");
        var c = request.CurrentLevel - 1;
        if (n[c] == 0)
            throw new ArgumentException($"level {request.CurrentLevel}, the current dose, has no participant evaluated yet.");
        switch (DesignOf(request.Design))
        {
            case ThreePlusThree.Name:
            {
                var (action, next, mtd, reason) = ThreePlusThree.Decide(c, n, y);
                var toxic = Array.FindIndex(y, v => v >= 2);
                return new DoseDecision(action, action == DoseAction.Stop ? null : next + 1, Above(toxic, doses.Count), mtd + 1, reason);
            }
            default:
            {
                var boin = NewBoin(request.TargetToxicity);
                var (action, next, reason, eliminated) = boin.Decide(c, n, y, boin.FirstEliminated(n, y), request.MaxPerLevel);
                int? mtd = null;
                if (action == DoseAction.Stop && eliminated != 0)
                {
                    var m = boin.SelectMtd(n, y, new double[n.Length], new double[n.Length], new int[n.Length]);
                    mtd = m < 0 ? null : m + 1;
                    reason += mtd is { } level ? $" MTD by isotonic regression: level {level}." : " No MTD.";
                }
                return new DoseDecision(action, action == DoseAction.Stop ? null : next + 1, Above(eliminated, doses.Count), mtd, reason);
            }
        }
    }

    /// <inheritdoc/>
    public EscalationBoundaries Boundaries(EscalationBoundaryRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.CohortSize < 1)
            throw new ArgumentException($"cohort size {request.CohortSize}: give at least 1.");
        if (request.MaxTreated < request.CohortSize)
            throw new ArgumentException($"maximum treated {request.MaxTreated} is below the cohort size {request.CohortSize}.");
        return DesignOf(request.Design) == ThreePlusThree.Name
            ? ThreePlusThree.Boundaries()
            : NewBoin(request.TargetToxicity).Boundaries(request.CohortSize, request.MaxTreated);
    }

    /// <inheritdoc/>
    public EscalationSimulation Simulate(EscalationSimulationRequest request, Action<int>? progress)
    {
        ArgumentNullException.ThrowIfNull(request);
        var design = DesignOf(request.Design);
        if (request.TrueToxicity.Count == 0)
            throw new ArgumentException("true toxicity: no dose level given; give one rate per level, e.g. 0.05,0.1,0.2,0.3,0.45.");
        for (var i = 0; i < request.TrueToxicity.Count; i++)
        {
            var r = request.TrueToxicity[i];
            if (!(r >= 0 && r <= 1))
                throw new ArgumentException($"true toxicity of level {i + 1}: {r} is outside [0, 1].");
        }
        if (request.Trials < 1)
            throw new ArgumentException($"trials {request.Trials}: give at least 1.");
        if (request.CohortSize < 1 || request.Cohorts < 1)
            throw new ArgumentException($"cohort size {request.CohortSize} and cohorts {request.Cohorts}: give at least 1 of each.");
        if (request.EarlyStopAt is < 1)
            throw new ArgumentException($"early stop {request.EarlyStopAt}: give at least 1 participant.");
        if (design == ThreePlusThree.Name && request.CohortSize != 3)
            throw new ArgumentException($"cohort size {request.CohortSize}: 3+3 treats cohorts of 3.");
        return Simulator.Run(request, design == Boin.Name ? NewBoin(request.TargetToxicity) : null, progress);
    }

    private string DesignOf(string design) =>
        Designs.FirstOrDefault(d => string.Equals(d, design, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"design '{design}' is unknown; this plugin offers {string.Join(", ", Designs)}.");

    private static Boin NewBoin(double? target) =>
        new(target ?? throw new ArgumentException("target toxicity: BOIN needs one, e.g. 0.3."));

    private static int[] Above(int first, int count) => first < 0 ? [] : [.. Enumerable.Range(first + 1, count - first)];
}
