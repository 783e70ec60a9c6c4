using System.Globalization;
using ProtocolEngine.Engine.Screening.Isolation;

// protocol-engine-rule-worker PARENT_PID MEMORY_LIMIT_BYTES: requests on stdin, answers on stdout (RuleWorkerWire).
if (args.Length != 2 || !int.TryParse(args[0], CultureInfo.InvariantCulture, out var parent) || !long.TryParse(args[1], CultureInfo.InvariantCulture, out var memory))
{
    Console.Error.WriteLine("protocol-engine-rule-worker is started by protocol-engine to evaluate rules; it is not run by hand.");
    return 2;
}
return RuleWorkerHost.Run(Console.OpenStandardInput(), Console.OpenStandardOutput(), parent, memory);
