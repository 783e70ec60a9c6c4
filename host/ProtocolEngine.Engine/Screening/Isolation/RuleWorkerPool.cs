namespace ProtocolEngine.Engine.Screening.Isolation;

/// <summary>
/// Rule worker processes, started lazily on the first evaluation and reused for the next ones (a worker keeps the
/// compiled rules it was sent). One is rented per evaluation; a worker that died is replaced on the next rent. At
/// most <see cref="MaxIdle"/> stay idle; the rest end when returned. Disposing ends them all; <see cref="Shared"/>
/// (the one the commands use) ends its workers when this process exits, and each worker also ends by itself
/// when its parent is gone.
/// </summary>
public sealed class RuleWorkerPool : IDisposable
{
    private readonly Lock _lock = new();
    private readonly List<RuleWorkerProcess> _idle = [];
    private readonly Lazy<RuleWorkerCommand> _command;
    private bool _disposed;

    public RuleWorkerPool(RuleWorkerCommand? command = null)
    {
        _command = new Lazy<RuleWorkerCommand>(() => command ?? RuleWorkerCommand.Default());
    }

    private static readonly Lazy<RuleWorkerPool> SharedPool = new(() =>
    {
        var pool = new RuleWorkerPool();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => pool.Dispose();
        return pool;
    });

    /// <summary>The process's pool (workers beside this program).</summary>
    public static RuleWorkerPool Shared => SharedPool.Value;

    public const int MaxIdle = 2;

    /// <summary>Workers started so far (for tests and the benchmark).</summary>
    public int Started { get; private set; }

    internal RuleWorkerProcess Rent(long memoryLimitBytes)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            for (var i = _idle.Count - 1; i >= 0; i--)
            {
                var w = _idle[i];
                if (!w.IsAlive)
                {
                    _idle.RemoveAt(i);
                    w.Dispose();
                }
                else if (w.MemoryLimitBytes == memoryLimitBytes)
                {
                    _idle.RemoveAt(i);
                    return w;
                }
            }
            Started++;
        }
        return RuleWorkerProcess.Start(_command.Value, memoryLimitBytes);
    }

    internal void Return(RuleWorkerProcess worker)
    {
        lock (_lock)
        {
            if (!_disposed && worker.IsAlive && _idle.Count < MaxIdle)
            {
                _idle.Add(worker);
                return;
            }
        }
        worker.Dispose();
    }

    /// <summary>Process ids of the idle workers (for tests that check nothing is left running).</summary>
    internal IReadOnlyList<int> IdleProcessIds()
    {
        lock (_lock) return _idle.Where(w => w.IsAlive).Select(w => w.ProcessId).ToList();
    }

    public void Dispose()
    {
        RuleWorkerProcess[] idle;
        lock (_lock)
        {
            _disposed = true;
            idle = [.. _idle];
            _idle.Clear();
        }
        foreach (var w in idle) w.Dispose();
    }
}
