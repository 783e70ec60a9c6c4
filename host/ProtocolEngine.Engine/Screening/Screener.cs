using ProtocolEngine.Contracts.Rules;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Rules;

namespace ProtocolEngine.Engine.Screening;

/// <summary>
/// Screens participants against a protocol's inclusion and exclusion criteria in this process. Every rule runs
/// under its own time limit; a rule that reads missing data is unknown, one that throws is an error, and the
/// others still run. Derived fields are computed at most once per screening. A rule can still crash or hang
/// this process from inside library code (a stack overflow, an endless library call): use it only for trusted
/// rules (benchmarks); commands screen through <see cref="Isolation.IsolatedScreener"/>.
/// </summary>
public sealed class Screener : IScreener
{
    private readonly CompiledProtocol _rules;
    private readonly long _limit;
    private readonly CriteriaTree _tree;

    public Screener(CompiledProtocol rules, RuleOptions? options = null)
    {
        _rules = rules;
        _limit = RuleGuard.ToTimestampTicks(TimeLimitOf(rules, options));
        _tree = new CriteriaTree(rules.Plan);
    }

    /// <summary>The caller's limit wins; otherwise the protocol's own limit, otherwise the default.</summary>
    internal static TimeSpan TimeLimitOf(CompiledProtocol rules, RuleOptions? options) =>
        options?.TimeLimit ?? (rules.Plan.Protocol.RuleTimeLimitMs is { } ms ? TimeSpan.FromMilliseconds(ms) : RuleOptions.Default.TimeLimit);

    /// <summary>Number of rules; the length <see cref="Evaluate"/> needs for its verdict span.</summary>
    public int RuleCount => _rules.Plan.Rules.Count;

    public ScreeningResult Screen(ParticipantData data) => Screen(_rules.Bind(data));

    /// <summary>The full result: verdicts, missing variables, error messages, parts.</summary>
    public ScreeningResult Screen(RuleParticipant participant)
    {
        participant.ResetDerived();
        var outcomes = new RuleOutcome[RuleCount];
        foreach (var rule in _tree.Rules)
            outcomes[rule] = RuleRun.Outcome(participant, rule, _limit);
        return _tree.Combine(outcomes);
    }

    /// <summary>
    /// The fast path: status only, each rule's verdict written to <paramref name="verdicts"/> by rule
    /// index; no allocation unless a rule fails.
    /// </summary>
    public ScreeningStatus Evaluate(RuleParticipant participant, Span<Verdict> verdicts)
    {
        participant.ResetDerived();
        var status = ScreeningStatus.Eligible;
        foreach (var node in _tree.Nodes)
            status = ThreeValued.Fold(status, node.Kind, Verdict(participant, node, verdicts));
        return status;
    }

    private Verdict Verdict(RuleParticipant participant, ScreeningNode node, Span<Verdict> verdicts)
    {
        if (node.Rule >= 0)
            return verdicts[node.Rule] = Run(participant, node.Rule);
        Span<Verdict> parts = stackalloc Verdict[node.Parts.Length];
        for (var i = 0; i < parts.Length; i++)
            parts[i] = Verdict(participant, node.Parts[i], verdicts);
        return node.Combine == Model.Combine.All ? ThreeValued.All(parts) : ThreeValued.Any(parts);
    }

    private Verdict Run(RuleParticipant participant, int rule)
    {
        RuleGuard.Begin(_limit);
        try
        {
            return participant.Evaluate(rule) ? Screening.Verdict.Met : Screening.Verdict.NotMet;
        }
        catch (MissingValueException)
        {
            return Screening.Verdict.Unknown;
        }
        catch (Exception)
        {
            return Screening.Verdict.Error;
        }
    }
}
