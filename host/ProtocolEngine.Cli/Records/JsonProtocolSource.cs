using System.Text.Json;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Records.Persistence;

namespace ProtocolEngine.Cli.Records;

/// <summary>
/// Reads a protocol written as JSON in the records' canonical form (snake_case keys, kebab-case enums),
/// which is also what ProtocolFingerprint hashes. Serves until the YAML loader is wired.
/// </summary>
public sealed class JsonProtocolSource : IProtocolSource
{
    public Protocol Load(string path)
    {
        if (!File.Exists(path))
            throw new CliInputException($"--protocol: no file at '{path}'.");
        try
        {
            return JsonSerializer.Deserialize<Protocol>(File.ReadAllText(path), RecordJson.Options)
                ?? throw new CliInputException($"--protocol: '{path}' is empty.");
        }
        catch (JsonException ex)
        {
            throw new CliInputException($"--protocol: '{path}' is not a protocol in JSON form: {ex.Message}");
        }
    }
}
