using ProtocolEngine.Contracts.Rules;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Rules;

namespace ProtocolEngine.Engine.Screening;

/// <summary>
/// Screens participants against a protocol's inclusion and exclusion criteria. Every rule runs
/// under its own time limit; a rule that reads missing data is unknown, one that throws is an
/// error, and the others still run. Derived fields are computed at most once per screening.
/// </summary>
public sealed class Screener
{
    private readonly CompiledProtocol _rules;
    private readonly long _limit;
    private readonly ScreeningNode[] _nodes;

    public Screener(CompiledProtocol rules, RuleOptions? options = null)
    {
        _rules = rules;
        // The caller's options win; otherwise the protocol's own limit, otherwise the default.
        var limit = options?.TimeLimit
            ?? (rules.Plan.Protocol.RuleTimeLimitMs is { } ms ? TimeSpan.FromMilliseconds(ms) : RuleOptions.Default.TimeLimit);
        _limit = RuleGuard.ToTimestampTicks(limit);
        var criteria = rules.Plan.Protocol.Criteria;
        _nodes = [.. criteria.Inclusion.Select(c => Node(c, CriterionKind.Inclusion)), .. criteria.Exclusion.Select(c => Node(c, CriterionKind.Exclusion))];
    }

    private ScreeningNode Node(Model.Criterion c, CriterionKind kind) =>
        new(c, kind, _rules.Plan.RuleOf(c)?.Index ?? -1, [.. (c.Parts ?? []).Select(p => Node(p, kind))], c.Combine);

    /// <summary>Number of rules; the length <see cref="Evaluate"/> needs for its verdict span.</summary>
    public int RuleCount => _rules.Plan.Rules.Count;

    public ScreeningResult Screen(ParticipantData data) => Screen(_rules.Bind(data));

    /// <summary>The full result: verdicts, missing variables, error messages, parts.</summary>
    public ScreeningResult Screen(RuleParticipant participant)
    {
        participant.ResetDerived();
        var results = new List<CriterionResult>(_nodes.Length);
        var status = ScreeningStatus.Eligible;
        foreach (var node in _nodes)
        {
            var result = Describe(participant, node);
            results.Add(result);
            status = ThreeValued.Fold(status, node.Kind, result.Verdict);
        }
        return new ScreeningResult(status, results);
    }

    /// <summary>
    /// The fast path: status only, each rule's verdict written to <paramref name="verdicts"/> by rule
    /// index; no allocation unless a rule fails.
    /// </summary>
    public ScreeningStatus Evaluate(RuleParticipant participant, Span<Verdict> verdicts)
    {
        participant.ResetDerived();
        var status = ScreeningStatus.Eligible;
        foreach (var node in _nodes)
            status = ThreeValued.Fold(status, node.Kind, Verdict(participant, node, verdicts));
        return status;
    }

    private Verdict Verdict(RuleParticipant participant, ScreeningNode node, Span<Verdict> verdicts)
    {
        if (node.Rule >= 0)
            return verdicts[node.Rule] = Run(participant, node.Rule, out _);
        Span<Verdict> parts = stackalloc Verdict[node.Parts.Length];
        for (var i = 0; i < parts.Length; i++)
            parts[i] = Verdict(participant, node.Parts[i], verdicts);
        return node.Combine == Model.Combine.All ? ThreeValued.All(parts) : ThreeValued.Any(parts);
    }

    private Verdict Run(RuleParticipant participant, int rule, out Exception? failure)
    {
        failure = null;
        RuleGuard.Begin(_limit);
        try
        {
            return participant.Evaluate(rule) ? Screening.Verdict.Met : Screening.Verdict.NotMet;
        }
        catch (MissingValueException ex)
        {
            failure = ex;
            return Screening.Verdict.Unknown;
        }
        catch (Exception ex)
        {
            failure = ex;
            return Screening.Verdict.Error;
        }
    }

    private CriterionResult Describe(RuleParticipant participant, ScreeningNode node)
    {
        if (node.Rule >= 0)
        {
            var verdict = Run(participant, node.Rule, out var failure);
            return verdict switch
            {
                Screening.Verdict.Unknown => new(node.Criterion.Id, node.Kind, verdict, Missing(participant, node.Rule, (MissingValueException)failure!), null, []),
                Screening.Verdict.Error => new(node.Criterion.Id, node.Kind, verdict, [], Message(failure!), []),
                _ => new(node.Criterion.Id, node.Kind, verdict, [], null, []),
            };
        }
        var parts = node.Parts.Select(p => Describe(participant, p)).ToList();
        var verdicts = parts.Select(p => p.Verdict).ToArray();
        var combined = node.Combine == Model.Combine.All ? ThreeValued.All(verdicts) : ThreeValued.Any(verdicts);
        var missing = combined == Screening.Verdict.Unknown
            ? parts.Where(p => p.Verdict == Screening.Verdict.Unknown).SelectMany(p => p.Missing).Distinct(StringComparer.Ordinal).ToList()
            : [];
        var message = combined == Screening.Verdict.Error
            ? string.Join("; ", parts.Where(p => p.Verdict == Screening.Verdict.Error).Select(p => $"{p.Id}: {p.Message}"))
            : null;
        return new CriterionResult(node.Criterion.Id, node.Kind, combined, missing, message, parts);
    }

    /// <summary>The variables the rule reads (directly or through derived fields) that have no value.</summary>
    private static List<string> Missing(RuleParticipant participant, int rule, MissingValueException signal)
    {
        var ids = participant.VariableIds;
        var missing = participant.References(rule).Where(i => !participant.Has(i)).Select(i => ids[i]).ToList();
        if (!missing.Contains(signal.Variable))
            missing.Add(signal.Variable);
        return missing;
    }

    private static string Message(Exception ex) => ex switch
    {
        RuleTimeoutException or InsufficientExecutionStackException => ex.Message,
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };
}
