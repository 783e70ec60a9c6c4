namespace ProtocolEngine.Engine.Loading;

/// <summary>
/// The folder of a protocol file, the only place its <c>!include</c>s and <c>scripts:</c> may come from:
/// no absolute path, no <c>..</c> out of it, no symbolic link that leads out, nothing but a regular,
/// non-empty file (a device or a pipe would read for ever or block). Files outside are never opened,
/// so no message can show their content.
/// </summary>
public sealed class ProtocolFolder
{
    private const int MaxLinkHops = 40;
    private readonly string _root;
    private readonly string? _realRoot;

    /// <param name="protocolFile">The protocol file whose folder bounds everything it names.</param>
    public ProtocolFolder(string protocolFile)
    {
        _root = WithSeparator(Path.GetDirectoryName(Path.GetFullPath(protocolFile)) ?? Path.GetFullPath("."));
        _realRoot = RealPath(_root.TrimEnd(Path.DirectorySeparatorChar)) is { } real ? WithSeparator(real) : null;
    }

    /// <summary>The folder, with its trailing separator.</summary>
    public string Root => _root;

    /// <summary>
    /// Resolves a path written in <paramref name="fromFile"/> (relative to that file's folder); null with
    /// <paramref name="refusal"/> set when it names something outside the protocol's folder. Whether the
    /// file exists and can be read is <see cref="ProtocolText"/>'s to say.
    /// </summary>
    /// <param name="fromFile">The file the path is written in.</param>
    /// <param name="written">The path as written.</param>
    /// <param name="refusal">Why the path is refused, as the end of a sentence naming it.</param>
    public string? Resolve(string fromFile, string written, out string? refusal)
    {
        refusal = null;
        if (written.Length == 0)
        {
            refusal = "is empty; give a path relative to the file that names it";
            return null;
        }
        if (Path.IsPathRooted(written) || written.StartsWith('~'))
        {
            refusal = $"is an absolute path; protocol files may name only files inside the protocol's folder ({_root}), by a relative path";
            return null;
        }
        var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(fromFile)) ?? _root, written));
        if (!full.StartsWith(_root, StringComparison.Ordinal))
        {
            refusal = $"leads outside the protocol's folder ({_root}); move the file inside it";
            return null;
        }
        if (!File.Exists(full) && !Directory.Exists(full) && new FileInfo(full).LinkTarget is null)
            return full; // missing: reported as such by the reader
        var real = RealPath(full);
        if (real is null || _realRoot is null || !real.StartsWith(_realRoot, StringComparison.Ordinal))
        {
            refusal = $"is a symbolic link (or lies under one) that leads outside the protocol's folder ({_root}); copy the file inside it instead";
            return null;
        }
        return full;
    }

    /// <summary>The path with every symbolic link in it resolved, or null for a broken or looping link.</summary>
    private static string? RealPath(string full)
    {
        var parts = full.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var pending = new Stack<string>(parts.Reverse());
        var current = Path.GetPathRoot(full) ?? "/";
        var hops = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".") continue;
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }
            var next = Path.Combine(current, part);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }
            if (++hops > MaxLinkHops)
                return null;
            var resolved = Path.IsPathRooted(target) ? target : Path.Combine(current, target);
            foreach (var p in resolved.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse())
                pending.Push(p);
            current = Path.GetPathRoot(resolved) ?? "/";
        }
        return current;
    }

    private static string WithSeparator(string folder) =>
        folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar;
}
