using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using ProtocolEngine.Contracts.Rules;
using ProtocolEngine.Engine.Rules;

namespace ProtocolEngine.Engine.Screening.Isolation;

/// <summary>
/// The worker side of rule isolation: the loop the rule worker executable runs. It reads requests from stdin and
/// answers on stdout (<see cref="RuleWorkerWire"/>), holds the compiled rules it was sent, and evaluates one rule
/// after another, flushing each result. A rule that overflows the stack or loops inside library code takes only
/// this process down (or is killed by the coordinator's watchdog); its heap is capped by the coordinator
/// (DOTNET_GCHeapHardLimit), and an out-of-memory failure ends the process after its result. The process also
/// ends when its parent does.
/// </summary>
public static class RuleWorkerHost
{
    /// <param name="input">Requests (the process's stdin).</param>
    /// <param name="output">Answers (the process's stdout; nothing else may write to it).</param>
    /// <param name="parentProcessId">The coordinator: when it ends, so does this process.</param>
    /// <param name="memoryLimitBytes">The heap budget, for the message of a rule that exceeds it.</param>
    public static int Run(Stream input, Stream output, int parentProcessId, long memoryLimitBytes)
    {
        Console.SetOut(TextWriter.Null);
        NoCoreDumps();
        WatchParent(parentProcessId);
        var culture = CultureInfo.CurrentCulture;
        var reader = new BinaryReader(new BufferedStream(input, 1 << 16), Encoding.UTF8);
        var writer = new BinaryWriter(new BufferedStream(output, 1 << 16), Encoding.UTF8);
        writer.Write(RuleWorkerWire.Ready);
        writer.Write(RuleWorkerWire.Version);
        writer.Flush();
        var loaded = new Dictionary<string, (RuleLoadContext Context, RuleParticipant Prototype)>(StringComparer.Ordinal);
        while (true)
        {
            int kind;
            try { kind = reader.BaseStream.ReadByte(); }
            catch (IOException) { return 0; }
            switch (kind)
            {
                case -1:
                    return 0;
                case RuleWorkerWire.Load:
                {
                    var key = reader.ReadString();
                    var image = reader.ReadBytes(reader.ReadInt32());
                    try
                    {
                        loaded[key] = RuleImageLoader.Load(image, "rules:" + key[..Math.Min(12, key.Length)]);
                        writer.Write(RuleWorkerWire.Loaded);
                        writer.Write(true);
                        writer.Write("");
                    }
                    catch (Exception ex)
                    {
                        writer.Write(RuleWorkerWire.Loaded);
                        writer.Write(false);
                        writer.Write(RuleWorkerWire.Cut($"{ex.GetType().Name}: {ex.Message}"));
                    }
                    writer.Flush();
                    break;
                }
                case RuleWorkerWire.Unload:
                {
                    if (loaded.Remove(reader.ReadString(), out var gone))
                        gone.Context.Unload();
                    break;
                }
                case RuleWorkerWire.Evaluate:
                    CultureInfo.CurrentCulture = culture;
                    CultureInfo.CurrentUICulture = culture;
                    if (!Evaluate(reader, writer, loaded, memoryLimitBytes))
                        return 0;
                    break;
                default:
                    Console.Error.WriteLine($"rule worker: unknown request {kind}");
                    return 3;
            }
        }
    }

    /// <summary>One participant: the values, then each rule in turn. False when the process must end (a memory failure).</summary>
    private static bool Evaluate(BinaryReader reader, BinaryWriter writer, Dictionary<string, (RuleLoadContext Context, RuleParticipant Prototype)> loaded, long memoryLimitBytes)
    {
        var key = reader.ReadString();
        var limit = RuleGuard.ToTimestampTicks(new TimeSpan(reader.ReadInt64()));
        var participant = loaded.TryGetValue(key, out var rules)
            ? rules.Prototype.CreateNew()
            : throw new InvalidDataException($"rule worker: rules {key} were never loaded");
        var values = reader.ReadInt32();
        for (var i = 0; i < values; i++)
        {
            var variable = reader.ReadInt32();
            participant.Set(variable, RuleWorkerWire.ReadValue(reader));
        }
        var count = reader.ReadInt32();
        var order = new int[count];
        for (var i = 0; i < count; i++) order[i] = reader.ReadInt32();

        participant.ResetDerived();
        foreach (var rule in order)
        {
            RuleOutcome outcome;
            var memory = false;
            try
            {
                outcome = RuleRun.Outcome(participant, rule, limit);
            }
            catch (OutOfMemoryException)
            {
                outcome = default;
                memory = true;
            }
            if (!memory && outcome.Verdict == Verdict.Error && outcome.Message?.StartsWith(nameof(OutOfMemoryException), StringComparison.Ordinal) == true)
                memory = true;
            if (memory)
                outcome = RuleOutcome.Error($"the rule exceeded the memory budget of {memoryLimitBytes / (1024 * 1024)} MB (OutOfMemoryException); the evaluation process was restarted");
            WriteResult(writer, rule, outcome);
            if (memory)
            {
                writer.Write(RuleWorkerWire.Exiting);
                writer.Flush();
                return false;
            }
        }
        writer.Write(RuleWorkerWire.Done);
        writer.Flush();
        return true;
    }

    private static void WriteResult(BinaryWriter writer, int rule, RuleOutcome outcome)
    {
        writer.Write(RuleWorkerWire.Result);
        writer.Write(rule);
        writer.Write((byte)outcome.Verdict);
        if (outcome.Verdict == Verdict.Unknown)
        {
            writer.Write(outcome.Missing.Count);
            foreach (var m in outcome.Missing) writer.Write(m);
        }
        else if (outcome.Verdict == Verdict.Error)
        {
            writer.Write(RuleWorkerWire.Cut(outcome.Message ?? ""));
        }
        writer.Flush();
    }

    /// <summary>Ends this process when the coordinator is gone (its parent changes), even while a rule runs.</summary>
    private static void WatchParent(int parentProcessId)
    {
        if (!OperatingSystem.IsLinux() || parentProcessId <= 0)
            return;
        var thread = new Thread(() =>
        {
            while (true)
            {
                Thread.Sleep(500);
                if (ParentOf("/proc/self/stat") != parentProcessId)
                    Process.GetCurrentProcess().Kill();
            }
        }) { IsBackground = true, Name = "parent watch" };
        thread.Start();
    }

    private static int ParentOf(string statFile)
    {
        try
        {
            var stat = File.ReadAllText(statFile);
            // pid (comm) state ppid ...: the command name may hold spaces and parentheses.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return -1;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceLimit
    {
        public ulong Current;
        public ulong Maximum;
    }

    [DllImport("libc", EntryPoint = "setrlimit", SetLastError = true)]
    private static extern int SetResourceLimit(int resource, ref ResourceLimit limit);

    /// <summary>A crash (a stack overflow aborts the process) writes no core file: RLIMIT_CORE 0.</summary>
    private static void NoCoreDumps()
    {
        if (!OperatingSystem.IsLinux())
            return;
        var none = new ResourceLimit();
        try { _ = SetResourceLimit(4 /* RLIMIT_CORE */, ref none); }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException) { /* no libc: nothing to limit */ }
    }
}
