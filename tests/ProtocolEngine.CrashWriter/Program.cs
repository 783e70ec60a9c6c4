using System.Diagnostics.CodeAnalysis;
using ProtocolEngine.Storage.LiteDb;
using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.CrashWriter;

/// <summary>
/// <c>ProtocolEngine.CrashWriter MOMENT STORE ARGS...</c>: opens a store, writes <see cref="CrashBatch"/>
/// in one Write and stops at <see cref="CrashMoment"/> MOMENT, printing a signal line, until the test
/// kills it (or closes its standard input: then it exits, with exit code 3, without going on). STORE is <c>lite PATH KEY</c>;
/// another store adds its own kind to <see cref="Open"/> so that its client can be killed the same way.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length < 2 || !Enum.TryParse<CrashMoment>(args[0], out var moment))
        {
            Console.Error.WriteLine($"usage: ProtocolEngine.CrashWriter {string.Join('|', Enum.GetNames<CrashMoment>())} lite PATH KEY");
            return 2;
        }
        using var store = Open(args[1], args[2..]);
        store.Write(w =>
        {
            CrashBatch.Write(w, TimeProvider.System, () =>
            {
                if (moment == CrashMoment.InsideWrite) Hold(CrashBatch.PausedSignal);
            });
            Console.WriteLine(CrashBatch.CommittingSignal);
            return 0;
        });
        Console.WriteLine(CrashBatch.CommittedSignal);
        Console.In.ReadLine();
        return 3;
    }

    private static IRecordStore Open(string kind, string[] args) => kind switch
    {
        "lite" when args.Length == 2 => LiteRecordStore.Open(args[0], args[1]),
        _ => throw new ArgumentException($"Unknown store '{kind} {string.Join(' ', args)}'; expected: lite PATH KEY."),
    };

    /// <summary>Says where the client is and waits there, inside the write, to be killed; a closed standard input ends the process without finishing the write.</summary>
    [DoesNotReturn]
    private static void Hold(string signal)
    {
        Console.WriteLine(signal);
        Console.In.ReadLine();
        Environment.Exit(3);
    }
}
