using System.CommandLine;

namespace ProtocolEngine.Cli.Commands;

public static class DescribeCommand
{
    public static Command Create(CliConsole console) => new("describe", "Summarize a protocol.");
}
