using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ProtocolEngine.Engine.Screening.Isolation;

/// <summary>
/// The coordinator's handle on one rule worker process: starts it, sends it compiled rules and participants,
/// reads each rule's result, and (through <see cref="RuleWatchdog"/>) kills it when a rule overruns its limit.
/// When the process dies during a rule, <see cref="Evaluate"/> says which rule and why; the handle is then dead.
/// </summary>
internal sealed class RuleWorkerProcess : IDisposable
{
    /// <summary>How many compiled protocols one worker keeps loaded (the oldest is unloaded first).</summary>
    private const int MaxLoaded = 8;

    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly BinaryReader _reader;
    private readonly BinaryWriter _writer;
    private readonly List<string> _loaded = [];
    private readonly StringBuilder _stderr = new();
    private bool _dead;

    // Read by the watchdog thread.
    private long _waitStarted;
    private long _waitLimit;
    private int _waitSequence;
    private volatile string? _killedFor;

    public long MemoryLimitBytes { get; }

    private RuleWorkerProcess(Process process, long memoryLimitBytes)
    {
        _process = process;
        MemoryLimitBytes = memoryLimitBytes;
        _reader = new BinaryReader(new BufferedStream(process.StandardOutput.BaseStream, 1 << 16), Encoding.UTF8);
        _writer = new BinaryWriter(new BufferedStream(process.StandardInput.BaseStream, 1 << 16), Encoding.UTF8);
    }

    public bool IsAlive => !_dead && !_process.HasExited;

    internal int ProcessId => _process.Id;

    public static RuleWorkerProcess Start(RuleWorkerCommand command, long memoryLimitBytes)
    {
        var start = new ProcessStartInfo(command.FileName)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in command.Arguments) start.ArgumentList.Add(a);
        start.ArgumentList.Add(Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(memoryLimitBytes.ToString(CultureInfo.InvariantCulture));
        // The heap budget: an allocation beyond it is an OutOfMemoryException inside the rule, not a machine out of memory.
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + memoryLimitBytes.ToString("x", CultureInfo.InvariantCulture);
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        start.Environment["DOTNET_TieredPGO"] = "0";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("no process");
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new RuleWorkerUnavailableException($"the rule worker '{command}' cannot be started ({ex.Message}); reinstall the program (`dotnet publish host/ProtocolEngine.Cli -o DIR` puts it beside protocol-engine)", ex);
        }
        var worker = new RuleWorkerProcess(process, memoryLimitBytes);
        process.ErrorDataReceived += (_, e) => worker.KeepError(e.Data);
        process.BeginErrorReadLine();
        try
        {
            worker.Watch(StartLimit, "starting");
            if (worker._reader.ReadByte() != RuleWorkerWire.Ready || worker._reader.ReadInt32() != RuleWorkerWire.Version)
                throw new InvalidDataException("the rule worker answered with another protocol");
            worker.Unwatch();
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            var why = worker.DeathReason();
            worker.Dispose();
            throw new RuleWorkerUnavailableException($"the rule worker '{command}' did not start: {why}", ex);
        }
        return worker;
    }

    /// <summary>
    /// Evaluates <paramref name="rules"/> in order, writing each outcome into <paramref name="outcomes"/>. Returns how many
    /// finished; when fewer than all, the process is dead and <paramref name="failure"/> is the error of the next
    /// rule (the one that was running), or null when the worker ended cleanly after a memory failure. -1: the
    /// rules could not be loaded at all (<paramref name="failure"/> says why).
    /// </summary>
    public int Evaluate(string key, ReadOnlyMemory<byte> image, TimeSpan limit, byte[] values, IReadOnlyList<int> rules, RuleOutcome[] outcomes, out string? failure)
    {
        failure = null;
        var done = 0;
        try
        {
            EnsureLoaded(key, image);
        }
        catch (Exception ex) when (ex is IOException or EndOfStreamException or InvalidDataException or ObjectDisposedException)
        {
            failure = ex is InvalidDataException && !_process.HasExited ? ex.Message : DeathReason();
            Kill();
            return -1;
        }
        try
        {
            _writer.Write(RuleWorkerWire.Evaluate);
            _writer.Write(key);
            _writer.Write(limit.Ticks);
            _writer.Write(values);
            _writer.Write(rules.Count);
            foreach (var r in rules) _writer.Write(r);
            _writer.Flush();
            Watch(limit, "rule");
            while (done < rules.Count)
            {
                var kind = _reader.ReadByte();
                if (kind == RuleWorkerWire.Exiting)
                {
                    Kill();
                    return done;
                }
                if (kind != RuleWorkerWire.Result)
                    throw new InvalidDataException($"unexpected answer {kind} from the rule worker");
                var rule = _reader.ReadInt32();
                var verdict = (Verdict)_reader.ReadByte();
                outcomes[rule] = verdict switch
                {
                    Verdict.Unknown => new RuleOutcome(verdict, ReadStrings(), null),
                    Verdict.Error => RuleOutcome.Error(_reader.ReadString()),
                    _ => RuleOutcome.Of(verdict),
                };
                done++;
                NextRule();
            }
            var last = _reader.ReadByte();
            if (last == RuleWorkerWire.Exiting)
            {
                Kill();
                return done;
            }
            if (last != RuleWorkerWire.Done)
                throw new InvalidDataException($"unexpected answer {last} from the rule worker");
            Unwatch();
            return done;
        }
        catch (Exception ex) when (ex is IOException or EndOfStreamException or InvalidDataException or ObjectDisposedException)
        {
            if (ex is InvalidDataException) Kill();
            failure = DeathReason();
            Kill();
            return done;
        }
    }

    private List<string> ReadStrings()
    {
        var n = _reader.ReadInt32();
        var list = new List<string>(n);
        for (var i = 0; i < n; i++) list.Add(_reader.ReadString());
        return list;
    }

    private void EnsureLoaded(string key, ReadOnlyMemory<byte> image)
    {
        if (_loaded.Contains(key))
            return;
        if (_loaded.Count >= MaxLoaded)
        {
            _writer.Write(RuleWorkerWire.Unload);
            _writer.Write(_loaded[0]);
            _loaded.RemoveAt(0);
        }
        _writer.Write(RuleWorkerWire.Load);
        _writer.Write(key);
        _writer.Write(image.Length);
        _writer.Write(image.Span);
        _writer.Flush();
        Watch(StartLimit, "loading");
        if (_reader.ReadByte() != RuleWorkerWire.Loaded)
            throw new InvalidDataException("unexpected answer to loading the rules");
        var ok = _reader.ReadBoolean();
        var message = _reader.ReadString();
        Unwatch();
        if (!ok)
            throw new InvalidDataException("the rule worker could not load the compiled rules: " + message);
        _loaded.Add(key);
    }

    /// <summary>Why the process ended: the watchdog's reason, else a stack overflow or another crash, from its exit and stderr.</summary>
    private string DeathReason()
    {
        if (_killedFor is { } killed)
            return killed;
        try
        {
            if (!_process.WaitForExit(10_000))
                _process.Kill();
            _process.WaitForExit();
        }
        catch (InvalidOperationException) { /* never started */ }
        string tail;
        lock (_stderr) tail = _stderr.ToString();
        var code = _process.HasExited ? _process.ExitCode : -1;
        if (tail.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase))
            return "the rule overflowed the stack (deep recursion inside library code); the evaluation process crashed and was restarted";
        if (tail.Contains("OutOfMemory", StringComparison.Ordinal))
            return $"the rule exceeded the memory budget of {MemoryLimitBytes / (1024 * 1024)} MB; the evaluation process crashed and was restarted";
        return $"the rule crashed the evaluation process (exit code {code}{(tail.Length == 0 ? "" : ": " + RuleWorkerWire.Cut(tail.Trim()))}); it was restarted";
    }

    private void KeepError(string? line)
    {
        if (line is null) return;
        lock (_stderr)
        {
            // The first lines name the failure; a stack overflow's trace repeats for thousands of lines after it.
            if (_stderr.Length < 4000)
                _stderr.AppendLine(line);
        }
    }

    private void Watch(TimeSpan limit, string what)
    {
        Volatile.Write(ref _waitLimit, limit.Ticks);
        Volatile.Write(ref _waitStarted, Stopwatch.GetTimestamp());
        Interlocked.Increment(ref _waitSequence);
        RuleWatchdog.Instance.Watch(this, what);
    }

    private void NextRule()
    {
        Volatile.Write(ref _waitStarted, Stopwatch.GetTimestamp());
        Interlocked.Increment(ref _waitSequence);
    }

    private void Unwatch() => RuleWatchdog.Instance.Unwatch(this);

    /// <summary>What the watchdog reads: since when the current wait runs, its limit, and a number that changes with every rule.</summary>
    internal (long Started, TimeSpan Limit, int Sequence) WaitState =>
        (Volatile.Read(ref _waitStarted), new TimeSpan(Volatile.Read(ref _waitLimit)), Volatile.Read(ref _waitSequence));

    internal TimeSpan? ProcessorTime
    {
        get
        {
            try { _process.Refresh(); return _process.TotalProcessorTime; }
            catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException) { return null; }
        }
    }

    /// <summary>Called by the watchdog: ends the process; the blocked read then fails and <see cref="Evaluate"/> reports <paramref name="reason"/>.</summary>
    internal void KillFor(string reason)
    {
        _killedFor ??= reason;
        Kill();
    }

    private void Kill()
    {
        _dead = true;
        RuleWatchdog.Instance.Unwatch(this);
        try
        {
            if (!_process.HasExited)
                _process.Kill(); // not entireProcessTree: on Unix that stops the process first (SIGSTOP), and a race leaves it stopped for ever
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception) { /* already gone */ }
    }

    public void Dispose()
    {
        Kill();
        try { _process.WaitForExit(5000); }
        catch (InvalidOperationException) { /* never started */ }
        _process.Dispose();
    }
}
