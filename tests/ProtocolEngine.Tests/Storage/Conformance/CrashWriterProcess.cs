using ProtocolEngine.CrashWriter;
using ProtocolEngine.Tests.Records.Support;

namespace ProtocolEngine.Tests.Storage.Conformance;

/// <summary>
/// Runs the ProtocolEngine.CrashWriter program on a store's data and kills it with SIGKILL at a
/// <see cref="CrashMoment"/>: what a store whose client is another process does in its
/// <c>WriteAndCrash</c> hook. The store's data must not be open in the test process meanwhile if the
/// store allows one process at a time.
/// </summary>
public static class CrashWriterProcess
{
    private static readonly TimeSpan SignalTimeout = TimeSpan.FromSeconds(60);

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "ProtocolEngine.CrashWriter.dll");

    /// <summary>
    /// Starts the writer on the store named by <paramref name="store"/> (e.g. <c>lite PATH KEY</c>), waits
    /// for the signal of <paramref name="moment"/>, waits <paramref name="delay"/> more and kills the process.
    /// </summary>
    public static void KillAt(CrashMoment moment, TimeSpan delay, params string[] store)
    {
        using var child = EngineProcess.StartAssembly(Dll, new Dictionary<string, string>(), [moment.ToString(), .. store]);
        try
        {
            WaitForSignal(child, moment switch
            {
                CrashMoment.InsideWrite => CrashBatch.PausedSignal,
                CrashMoment.WhileCommitting => CrashBatch.CommittingSignal,
                _ => CrashBatch.CommittedSignal,
            });
            if (delay > TimeSpan.Zero) Thread.Sleep(delay);
        }
        finally
        {
            // The program runs in the dotnet process itself; killing only it is immediate (walking a process tree takes milliseconds).
            child.Kill();
            child.WaitForExit();
        }
        // 128 + 9: ended by SIGKILL, not by finishing or failing on its own.
        Assert.True(child.ExitCode == 137, $"The crash writer ended with exit code {child.ExitCode}, not by the kill: {child.StandardError.ReadToEnd()}");
    }

    private static void WaitForSignal(System.Diagnostics.Process child, string signal)
    {
        while (true)
        {
            var line = child.StandardOutput.ReadLineAsync();
            if (!line.Wait(SignalTimeout))
                throw new TimeoutException($"The crash writer did not say '{signal}' within {SignalTimeout.TotalSeconds:0} s.");
            if (line.Result is null)
                throw new InvalidOperationException($"The crash writer ended before '{signal}': {child.StandardError.ReadToEnd()}");
            if (line.Result == signal) return;
        }
    }
}
