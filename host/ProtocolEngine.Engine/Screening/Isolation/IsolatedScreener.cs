using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Rules;

namespace ProtocolEngine.Engine.Screening.Isolation;

/// <summary>
/// Screens in a rule worker process (<see cref="RuleWorkerPool"/>), so that no rule can take this process down: a
/// rule that crashes the worker (a stack overflow inside library code), overruns its time limit where the engine's
/// own check cannot reach (a long library call), or exceeds the memory budget gets the verdict error with that
/// reason; the worker is restarted and the remaining rules run in the new one, so the other criteria still get
/// verdicts. The compiled rules are never loaded into this process.
/// </summary>
public sealed class IsolatedScreener : IScreener
{
    private readonly CompiledProtocol _rules;
    private readonly RuleWorkerPool _pool;
    private readonly TimeSpan _limit;
    private readonly long _memory;
    private readonly CriteriaTree _tree;

    /// <param name="rules">The compiled rules (their image goes to the worker).</param>
    /// <param name="options">The time limit (else the protocol's, else the default) and the memory budget.</param>
    /// <param name="pool">The workers; default the process's shared pool.</param>
    public IsolatedScreener(CompiledProtocol rules, RuleOptions? options = null, RuleWorkerPool? pool = null)
    {
        _rules = rules;
        _pool = pool ?? RuleWorkerPool.Shared;
        _limit = Screener.TimeLimitOf(rules, options);
        _memory = (options ?? RuleOptions.Default).MemoryLimitBytes;
        _tree = new CriteriaTree(rules.Plan);
    }

    public ScreeningResult Screen(ParticipantData data)
    {
        var values = Encode(data);
        var outcomes = new RuleOutcome[_rules.Plan.Rules.Count];
        var pending = new ArraySegment<int>(_tree.Rules);
        while (pending.Count > 0)
        {
            var worker = _pool.Rent(_memory);
            int done;
            string? failure;
            try
            {
                done = worker.Evaluate(_rules.CacheKey, _rules.Image, _limit, values, pending, outcomes, out failure);
            }
            finally
            {
                _pool.Return(worker);
            }
            if (done < 0)
            {
                foreach (var rule in pending) outcomes[rule] = RuleOutcome.Error(failure!);
                break;
            }
            if (done < pending.Count && failure is not null)
                outcomes[pending[done++]] = RuleOutcome.Error(failure);
            pending = pending[done..];
        }
        return _tree.Combine(outcomes);
    }

    /// <summary>The participant's values as the worker reads them: count, then (variable index, tagged value) pairs.</summary>
    private byte[] Encode(ParticipantData data)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            var variables = _rules.Plan.Variables;
            var present = new List<(int, object)>();
            for (var i = 0; i < variables.Count; i++)
                if (data.Values.TryGetValue(variables[i].Id, out var value))
                    present.Add((i, value));
            w.Write(present.Count);
            foreach (var (i, value) in present)
            {
                w.Write(i);
                RuleWorkerWire.WriteValue(w, value);
            }
        }
        return stream.ToArray();
    }
}
