using System.Text.Json;

namespace ProtocolEngine.Cli.Output;

/// <summary>
/// Writes a JSON array item by item to a text writer, laid out as <see cref="CliJson.Options"/> serializes a whole
/// list (the same text), for results too long to hold. Nothing is written before the first item or
/// <see cref="Complete"/> (which closes the array and ends the line), so a command refused before it writes nothing.
/// </summary>
public sealed class JsonArrayWriter : IDisposable
{
    private const int FlushAt = 64 * 1024;
    private readonly TextWriter _text;
    private readonly TextWriterStream _stream;
    private readonly Utf8JsonWriter _json;
    private bool _started;

    public JsonArrayWriter(TextWriter text)
    {
        var o = CliJson.Options;
        _text = text;
        _stream = new TextWriterStream(text);
        _json = new Utf8JsonWriter(_stream, new JsonWriterOptions
        {
            Indented = o.WriteIndented, IndentCharacter = o.IndentCharacter, IndentSize = o.IndentSize, NewLine = o.NewLine,
            Encoder = o.Encoder, MaxDepth = o.MaxDepth,
        });
    }

    public void Add<T>(T item)
    {
        Start();
        JsonSerializer.Serialize(_json, item, CliJson.Options);
        if (_json.BytesPending >= FlushAt) _json.Flush();
    }

    /// <summary>Ends the array (an empty one when nothing was added) and the line.</summary>
    public void Complete()
    {
        Start();
        _json.WriteEndArray();
        _json.Flush();
        _text.WriteLine();
    }

    private void Start()
    {
        if (_started) return;
        _json.WriteStartArray();
        _started = true;
    }

    public void Dispose()
    {
        _json.Dispose();
        _stream.Dispose();
    }
}
