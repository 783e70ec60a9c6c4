using System.Text.Json;

namespace ProtocolEngine.Cli.Records;

/// <summary>Writes a command's result as JSON (the records' canonical form, indented) or as text lines.</summary>
public static class RecordOutput
{
    public static int Write(CliConsole console, bool json, object value, Func<string> text)
    {
        console.Out.WriteLine(json ? JsonSerializer.Serialize(value, value.GetType(), CliJson.Options) : text());
        return ExitCodes.Success;
    }
}
