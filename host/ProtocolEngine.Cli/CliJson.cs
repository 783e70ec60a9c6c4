using System.Text.Encodings.Web;
using System.Text.Json;
using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Cli;

/// <summary>
/// The one JSON style of every <c>--format json</c> output: the records' own (snake_case keys,
/// kebab-case enums, indented), with text such as "≥" written as is rather than escaped.
/// </summary>
public static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new(RecordJson.Indented)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write<T>(TextWriter writer, T value) => writer.WriteLine(JsonSerializer.Serialize(value, Options));
}
