namespace ProtocolEngine.Cli.Output;

/// <summary>
/// A file written whole or not at all: the content goes to a temporary file beside it, which replaces the file only
/// once it is complete, so a failed export leaves no partial file behind (nor destroys an earlier one).
/// </summary>
public static class OutputFile
{
    private const int BufferSize = 1 << 16;

    public static void Write(string path, Action<Stream> write)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Environment.ProcessId}.partial");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize))
                write(stream);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The same for text, as UTF-8 without a byte order mark.</summary>
    public static void WriteText(string path, Action<TextWriter> write) => Write(path, stream =>
    {
        using var text = new StreamWriter(stream, new System.Text.UTF8Encoding(false), BufferSize, leaveOpen: true);
        write(text);
    });
}
