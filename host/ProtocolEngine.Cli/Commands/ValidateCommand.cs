using System.CommandLine;

namespace ProtocolEngine.Cli.Commands;

public static class ValidateCommand
{
    public static Command Create(CliConsole console) => new("validate", "Check a protocol; exit 0 valid, 2 invalid.");
}
