namespace ProtocolEngine.Engine.Loading;

/// <summary>
/// The bounds of a protocol and what it includes, so that no file, however written, can exhaust the
/// memory or the stack of the process that reads it (issue 11, point 2). The seed protocol is 45 KB,
/// nests 9 levels and holds about 1,500 YAML values (13 times fewer than the limit); each limit is far above what a real protocol needs and
/// far below what would hurt the process: at the limits a file is refused in well under a second.
/// </summary>
public static class ProtocolLimits
{
    /// <summary>Largest protocol, include or script file: 4 MiB.</summary>
    public const int MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>Most files one protocol may read (itself, its includes and its scripts).</summary>
    public const int MaxFiles = 256;

    /// <summary>Deepest nesting of mappings and lists, counted across includes (YamlDotNet recurses once per level).</summary>
    public const int MaxDepth = 64;

    /// <summary>Most YAML nodes over all files of a protocol, as parsed (an alias counts once).</summary>
    public const int MaxNodes = 20_000;

    /// <summary>Most values the binder visits, aliases expanded: a small file whose aliases multiply (billion laughs) stops here.</summary>
    public const int MaxBoundValues = 20_000;
}
