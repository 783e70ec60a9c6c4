using System.Diagnostics;
using System.IO.Pipes;
using System.Runtime.InteropServices;
using Trace = SharpFuzz.Common.Trace;

namespace ProtocolEngine.Fuzz;

/// <summary>
/// The afl-fuzz fork server (afl's status protocol on descriptors 198 and 199, as SharpFuzz speaks it), running the
/// inputs in a child process it starts again when the child dies (a stack overflow), is killed by afl (a hang), or
/// asks for it between two inputs because its memory grew past <see cref="MemoryBudgetBytes"/>. The last is why this
/// exists beside SharpFuzz's own <c>Fuzzer.OutOfProcess</c>, which reports any restart as a crash of the next input:
/// a command-line run loads the plugins into load contexts it cannot unload (the program runs one command a process),
/// about 0.4 MB a command, so a child that runs a million commands must be replaced now and then, and that is not a crash.
/// </summary>
public static unsafe partial class AflForkServer
{
    /// <summary>A child whose working set passes this asks to be replaced after its input (its heap is capped at 1 GiB); PROTOCOL_ENGINE_FUZZ_MEMORY_MB sets another.</summary>
    public static long MemoryBudgetBytes { get; } =
        (long.TryParse(Environment.GetEnvironmentVariable("PROTOCOL_ENGINE_FUZZ_MEMORY_MB"), out var mb) ? mb : 640) * 1024 * 1024;

    private const int MapSize = 1 << 16;
    private const int None = 0;
    private const int Crash = 2;
    private const int Replace = 0x100;
    private const string ChildVariable = "PROTOCOL_ENGINE_FUZZ_CHILD";

    /// <summary>Serves afl (or, outside afl, runs the target once on standard input).</summary>
    public static void Run(string targetName)
    {
        var shm = Environment.GetEnvironmentVariable("__AFL_SHM_ID");
        if (shm is null || !int.TryParse(shm, out var shmid))
        {
            var map = (byte*)NativeMemory.AllocZeroed(MapSize);
            Trace.SharedMem = map;
            FuzzTargets.Create(targetName)!.Run(ReadAll(Console.OpenStandardInput()));
            return;
        }
        if (Environment.GetEnvironmentVariable(ChildVariable) is { Length: > 0 } handles)
            Child(targetName, shmid, handles);
        else
            Server(targetName);
    }

    private static void Server(string targetName)
    {
        using var fromAfl = new BinaryReader(new AnonymousPipeClientStream(PipeDirection.In, "198"));
        using var toAfl = new BinaryWriter(new AnonymousPipeClientStream(PipeDirection.Out, "199"));
        toAfl.Write(0);
        while (true)
        {
            using var control = new AnonymousPipeServerStream(PipeDirection.Out, HandleInheritability.Inheritable);
            using var status = new AnonymousPipeServerStream(PipeDirection.In, HandleInheritability.Inheritable);
            var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
            start.ArgumentList.Add(typeof(AflForkServer).Assembly.Location);
            start.ArgumentList.Add("afl");
            start.ArgumentList.Add(targetName);
            start.Environment[ChildVariable] = $"{control.GetClientHandleAsString()} {status.GetClientHandleAsString()} {Environment.ProcessId}";
            using var child = Process.Start(start)!;
            control.DisposeLocalCopyOfClientHandle();
            status.DisposeLocalCopyOfClientHandle();
            var toChild = new BinaryWriter(control);
            var fromChild = new BinaryReader(status);
            // The child says when its target is made (the command-line one runs `validate` first): only then is the next
            // input's time started (afl times the status, not the process id).
            try { fromChild.ReadInt32(); }
            catch (EndOfStreamException) { throw new InvalidOperationException("the fuzzing child died while making its target"); }
            while (true)
            {
                fromAfl.ReadInt32();
                toAfl.Write(child.Id);
                int? result = null;
                try
                {
                    toChild.Write(0);
                    toChild.Flush();
                    result = fromChild.ReadInt32();
                }
                catch (Exception ex) when (ex is IOException or EndOfStreamException)
                {
                    // The child died during the input (a stack overflow, an abort) or afl killed it (a hang).
                }
                toAfl.Write((result ?? Crash) & ~Replace);
                toAfl.Flush();
                if (result is null || (result & Replace) != 0)
                {
                    if (result is null && !child.HasExited) child.Kill();
                    child.WaitForExit();
                    break;
                }
            }
        }
    }

    private static void Child(string targetName, int shmid, string handles)
    {
        var parts = handles.Split(' ');
        var parent = int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture);
        _ = Task.Run(() => ExitWithParent(parent));
        // The target is made (and anything else runs between inputs) over a map of its own, so that afl's map holds
        // only what one input did.
        var scratch = (byte*)NativeMemory.AllocZeroed(MapSize);
        Trace.SharedMem = scratch;
        var target = FuzzTargets.Create(targetName)!;
        var shared = shmat(shmid, IntPtr.Zero, 0);
        if (shared == -1)
            throw new InvalidOperationException($"shmat({shmid}) failed: errno {Marshal.GetLastPInvokeError()}");
        using var fromServer = new BinaryReader(new AnonymousPipeClientStream(PipeDirection.In, parts[0]));
        using var toServer = new BinaryWriter(new AnonymousPipeClientStream(PipeDirection.Out, parts[1]));
        using var stdin = Console.OpenStandardInput();
        toServer.Write(None);
        toServer.Flush();
        while (true)
        {
            fromServer.ReadInt32();
            var input = ReadAll(stdin);
            Trace.PrevLocation = 0;
            Trace.SharedMem = (byte*)shared;
            int result;
            try
            {
                target.Run(input);
                result = None;
            }
            catch
            {
                result = Crash;
            }
            Trace.SharedMem = scratch;
            if (Environment.WorkingSet > MemoryBudgetBytes)
                result |= Replace;
            toServer.Write(result);
            toServer.Flush();
            if ((result & Replace) != 0)
                Environment.Exit(0);
        }
    }

    private static void ExitWithParent(int parent)
    {
        while (Directory.Exists($"/proc/{parent}"))
            Thread.Sleep(1000);
        Environment.Exit(0);
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint shmat(int shmid, nint shmaddr, int shmflg);
}
