namespace ProtocolEngine.Engine.Rules;

/// <summary>How rules are compiled, cached and run.</summary>
public sealed record RuleOptions
{
    public static RuleOptions Default { get; } = new();

    /// <summary>Where compiled rule assemblies are kept; null: $PROTOCOL_ENGINE_CACHE, else $XDG_CACHE_HOME/protocol-engine, else ~/.cache/protocol-engine.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>False compiles every time and leaves the cache alone.</summary>
    public bool UseCache { get; init; } = true;

    /// <summary>Time limit of one rule evaluation; an endless loop gives the criterion the verdict error.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Memory budget of the rule worker process (its GC heap hard limit); a rule that needs more gets the verdict
    /// error. Default 256 MB.
    /// </summary>
    public long MemoryLimitBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>
    /// The secret that authenticates the cache's files; null: beside the cache folder, in its parent
    /// (<c>~/.cache/protocol-engine.key</c> for the default folder), created owner-only on first use.
    /// </summary>
    public string? CacheKeyFile { get; init; }

    public string ResolveCacheKeyFile()
    {
        if (!string.IsNullOrWhiteSpace(CacheKeyFile)) return CacheKeyFile;
        var folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(ResolveCacheDirectory()));
        var parent = Path.GetDirectoryName(folder);
        return parent is null ? Path.Combine(folder, "rules.key") : Path.Combine(parent, Path.GetFileName(folder) + ".key");
    }

    public string ResolveCacheDirectory()
    {
        if (!string.IsNullOrWhiteSpace(CacheDirectory)) return CacheDirectory;
        var env = Environment.GetEnvironmentVariable("PROTOCOL_ENGINE_CACHE");
        if (!string.IsNullOrWhiteSpace(env)) return env;
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = !string.IsNullOrWhiteSpace(xdg) ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "protocol-engine");
    }
}
