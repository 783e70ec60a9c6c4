namespace ProtocolEngine.Tests.Storage.Conformance;

/// <summary>Runs bodies on threads of their own (not the pool), released together, and rethrows what any of them threw.</summary>
public static class ThreadRace
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    /// <summary>Runs <paramref name="body"/> on <paramref name="threads"/> threads at once, each given its index.</summary>
    public static void Run(int threads, Action<int> body) => Run([.. Enumerable.Range(0, threads).Select(i => (Action)(() => body(i)))]);

    /// <summary>Runs each body on its own thread, all released at the same moment.</summary>
    public static void Run(params Action[] bodies)
    {
        using var start = new Barrier(bodies.Length);
        var errors = new Exception?[bodies.Length];
        var threads = bodies.Select((body, i) => new Thread(() =>
        {
            try
            {
                start.SignalAndWait(Limit);
                body();
            }
            catch (Exception ex)
            {
                errors[i] = ex;
            }
        }) { IsBackground = true }).ToList();
        threads.ForEach(t => t.Start());
        foreach (var t in threads)
            if (!t.Join(Limit)) throw new TimeoutException($"A racing thread did not finish within {Limit.TotalSeconds:0} s.");
        if (errors.Any(e => e is not null))
            throw new AggregateException(errors.OfType<Exception>());
    }
}
