using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Engine.Validation;

public sealed partial class ProtocolValidator
{
    /// <summary>Largest permuted block: a block is drawn whole, so its size is memory (real trials use 2 to 12).</summary>
    public const int MaxBlockSize = 1_000;

    /// <summary>Largest relative frequency of one block size.</summary>
    public const int MaxBlockSizeWeight = 1_000_000;

    /// <summary>Most stratification factors and the most strata their levels can make: each stratum keeps blocks of its own.</summary>
    public const int MaxStrataFactors = 8;

    /// <inheritdoc cref="MaxStrataFactors"/>
    public const long MaxStrata = 10_000;

    /// <summary>Farthest a visit may lie from its anchor: 100 years.</summary>
    public const int MaxVisitDays = 36_525;

    /// <summary>Most visits one participant's schedule may hold, repeats included: each is planned per participant.</summary>
    public const int MaxPlannedVisits = 1_000;

    /// <summary>
    /// Values that bind but would exhaust memory (or overflow a date) once the trial runs: a block of two
    /// billion, a visit a million years away, ten thousand monthly repeats. Runs first; a refused value is
    /// marked so that the checks after it do not compute with it.
    /// </summary>
    private static void CheckBounds(Run run)
    {
        var protocol = run.Protocol;
        if (protocol.Randomization is { } plan)
        {
            for (var i = 0; i < plan.BlockSizes.Count; i++)
            {
                if (plan.BlockSizes[i] > MaxBlockSize)
                    Refuse(run, plan, nameof(RandomizationPlan.BlockSizes), plan.BlockSizes, $"[{i}]",
                        $"block size {plan.BlockSizes[i]:N0} is more than {MaxBlockSize:N0}; each block is drawn whole, and real trials use blocks of 2 to 12.");
            }
            for (var i = 0; i < plan.BlockSizeWeights.Count; i++)
            {
                if (plan.BlockSizeWeights[i] > MaxBlockSizeWeight)
                    Refuse(run, plan, nameof(RandomizationPlan.BlockSizeWeights), plan.BlockSizeWeights, $"[{i}]",
                        $"block size weight {plan.BlockSizeWeights[i]:N0} is more than {MaxBlockSizeWeight:N0}; weights are relative: divide them by a common factor.");
            }
            CheckStrata(run, plan);
            if (plan.Minimization is { } minimization && minimization.Factors.Count > MaxStrataFactors)
                Refuse(run, plan, nameof(RandomizationPlan.Minimization), minimization, nameof(Minimization.Factors),
                    $"minimization has {minimization.Factors.Count} factors, more than {MaxStrataFactors}; balance on the few factors that predict the outcome.");
        }

        var planned = 0L;
        foreach (var visit in protocol.Visits)
        {
            var (member, days) = visit switch
            {
                { Days: { } d } => (nameof(Visit.Days), (long)d),
                { Weeks: { } w } => (nameof(Visit.Weeks), w * 7L),
                { Months: { } m } => (nameof(Visit.Months), m * 31L),
                _ => ("", 0L),
            };
            if (Math.Abs(days) > MaxVisitDays)
            {
                Refuse(run, visit, member, visit, member,
                    $"visit '{visit.Id}' lies {Math.Abs(days):N0} days from its anchor, more than {MaxVisitDays:N0} (100 years); check the number and its unit.");
                continue;
            }
            planned += visit.Repeat is { EveryMonths: > 0 } r && visit.Months is { } first && r.UntilMonth >= first
                ? 1 + (r.UntilMonth - first) / r.EveryMonths
                : 1;
        }
        if (planned > MaxPlannedVisits)
            Refuse(run, protocol, nameof(Protocol.Visits), protocol, nameof(Protocol.Visits),
                $"the visits plan {planned:N0} visits for each participant, repeats included, more than {MaxPlannedVisits:N0}; repeat less often.");
    }

    private static void CheckStrata(Run run, RandomizationPlan plan)
    {
        if (plan.Strata.Count > MaxStrataFactors)
        {
            Refuse(run, plan, nameof(RandomizationPlan.Strata), plan, nameof(RandomizationPlan.Strata),
                $"randomization is stratified by {plan.Strata.Count} factors, more than {MaxStrataFactors}; with so many strata most hold one participant and the blocks balance nothing.");
            return;
        }
        var strata = 1L;
        foreach (var factor in plan.Strata)
        {
            strata *= Levels(run.Protocol, factor);
            if (strata > MaxStrata)
            {
                Refuse(run, plan, nameof(RandomizationPlan.Strata), plan, nameof(RandomizationPlan.Strata),
                    $"the strata ({string.Join(" x ", plan.Strata)}) make more than {MaxStrata:N0} strata; stratify by fewer factors or by ones with fewer levels.");
                return;
            }
        }
    }

    /// <summary>How many values a stratification factor can take (1 when the protocol does not say).</summary>
    private static long Levels(Protocol protocol, string factor)
    {
        if (factor == "site")
            return Math.Max(1, protocol.Sites.Count);
        var variable = protocol.Variables.FirstOrDefault(v => v.Id == factor);
        return variable switch
        {
            { Type: VariableType.Boolean } => 2,
            { Type: VariableType.Code, CodeList: { } list } when protocol.CodeLists.TryGetValue(list, out var codes) => Math.Max(1, codes.Count),
            { Type: VariableType.Integer, Min: { } min, Max: { } max } when max >= min => (long)Math.Min(MaxStrata + 1, Math.Floor(max) - Math.Ceiling(min) + 1),
            _ => 1,
        };
    }

    /// <summary>Reports at <paramref name="owner"/>.<paramref name="member"/> and marks <paramref name="refused"/>.<paramref name="refusedMember"/> as not bound.</summary>
    private static void Refuse(Run run, object refused, string refusedMember, object owner, string member, string message)
    {
        run.Error(DiagnosticCodes.ResourceBound, owner, member, message);
        run.Document.Map.MarkFailed(refused, refusedMember);
    }
}
