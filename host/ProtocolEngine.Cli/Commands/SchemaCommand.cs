using System.CommandLine;

namespace ProtocolEngine.Cli.Commands;

public static class SchemaCommand
{
    public static Command Create(CliConsole console) => new("schema", "Print the JSON Schema of the protocol format.");
}
