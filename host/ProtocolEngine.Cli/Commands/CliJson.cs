using System.Text.Json;

namespace ProtocolEngine.Cli.Commands;

/// <summary>The JSON shape of every command's output: snake_case names, indented.</summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };
}
