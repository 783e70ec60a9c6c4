using System.CommandLine;
using ProtocolEngine.Schema.NJsonSchema;

namespace ProtocolEngine.Cli.Commands;

/// <summary><c>protocol-engine schema [--output FILE]</c>: the JSON Schema of the protocol format.</summary>
public static class SchemaCommand
{
    public static Command Create(CliConsole console)
    {
        var output = new Option<string?>("--output", "-o") { Description = $"Write to this file instead of standard output (the repo keeps it as protocols/{ProtocolSchema.FileName})." };
        var command = new Command("schema", "Print the JSON Schema of the protocol format, generated from the model.") { output };
        command.SetAction(parse =>
        {
            var json = ProtocolSchema.ToJson();
            if (parse.GetValue(output) is { } file)
                File.WriteAllText(file, json);
            else
                console.Out.Write(json);
            return ExitCodes.Success;
        });
        return command;
    }
}
