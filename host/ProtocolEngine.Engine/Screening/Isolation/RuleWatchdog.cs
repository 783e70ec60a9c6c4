using System.Diagnostics;

namespace ProtocolEngine.Engine.Screening.Isolation;

/// <summary>
/// Kills a rule worker whose current rule overruns its time limit: on a thread of its own (not the thread pool,
/// which a busy host may starve), every 20 ms while any worker is being waited on. A rule counts as overrunning
/// once it has taken its limit and a grace (the larger of the limit and 200 ms) of wall time; it is killed when
/// the worker has spent another grace of processor time since, so a worker that is merely starved of CPU on a
/// loaded machine is not mistaken for a runaway rule, or at the latest after 30 s more of wall time. Starting a
/// worker and loading rules have a limit of their own, with no processor-time condition.
/// </summary>
internal sealed class RuleWatchdog
{
    public static RuleWatchdog Instance { get; } = new();

    private static readonly TimeSpan MinimumGrace = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan HardGrace = TimeSpan.FromSeconds(30);

    private sealed class Watched(string what)
    {
        public string What { get; } = what;
        public int Sequence = -1;
        public TimeSpan? ProcessorAtOverrun;
    }

    private readonly object _lock = new();
    private readonly Dictionary<RuleWorkerProcess, Watched> _watched = [];
    private Thread? _thread;

    public void Watch(RuleWorkerProcess worker, string what)
    {
        lock (_lock)
        {
            _watched[worker] = new Watched(what);
            if (_thread is null)
            {
                _thread = new Thread(Loop) { IsBackground = true, Name = "rule watchdog" };
                _thread.Start();
            }
            Monitor.PulseAll(_lock);
        }
    }

    public void Unwatch(RuleWorkerProcess worker)
    {
        lock (_lock) _watched.Remove(worker);
    }

    private void Loop()
    {
        while (true)
        {
            KeyValuePair<RuleWorkerProcess, Watched>[] now;
            lock (_lock)
            {
                while (_watched.Count == 0)
                    Monitor.Wait(_lock);
                now = [.. _watched];
            }
            foreach (var (worker, state) in now)
                Check(worker, state);
            Thread.Sleep(20);
        }
    }

    private static void Check(RuleWorkerProcess worker, Watched state)
    {
        var (started, limit, sequence) = worker.WaitState;
        if (sequence != state.Sequence)
        {
            state.Sequence = sequence;
            state.ProcessorAtOverrun = null;
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (state.What != "rule")
        {
            if (elapsed > limit)
                worker.KillFor($"the rule worker did not finish {state.What} within {limit.TotalSeconds:0} s");
            return;
        }
        var grace = limit > MinimumGrace ? limit : MinimumGrace;
        if (elapsed <= limit + grace)
            return;
        var cpu = worker.ProcessorTime;
        if (state.ProcessorAtOverrun is null)
        {
            state.ProcessorAtOverrun = cpu ?? TimeSpan.Zero;
            return;
        }
        if ((cpu is { } c && c - state.ProcessorAtOverrun.Value >= grace) || elapsed > limit + grace + HardGrace)
            worker.KillFor($"the rule ran longer than its time limit of {limit.TotalMilliseconds:0.#} ms (inside library code, where the engine's own check cannot stop it); the watchdog ended the evaluation process and restarted it");
    }
}
