using System.Security.Cryptography;
using System.Text;
using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Loading;
using ProtocolEngine.Engine.Rules;

namespace ProtocolEngine.Engine.Validation;

/// <summary>
/// Remembers that a protocol validated without an error: for its exact sources (the loader's content hash of the
/// protocol file, its includes and scripts), the plugins it was checked against (every file in the plugin folders,
/// by name, size and time) and this engine's build, it keeps the warnings that validation and the rule compiler
/// gave and the protocol's version hash. A records command that finds its protocol here skips loading the plugins
/// for validation, the validator and serializing the whole model to name its version: the larger part of a short
/// command's start. Anything that differs (a byte of a source, a plugin file, another build) is another key, so a
/// stale entry is never used. Entries live in the compiled-rule cache's folder and file format: authenticated with
/// the installation's secret, written owner-only and atomically, so a forged entry cannot pass a protocol off as
/// valid.
/// </summary>
public sealed class ValidatedProtocolCache
{
    private readonly RuleAssemblyCache _files;

    private ValidatedProtocolCache(RuleAssemblyCache files) => _files = files;

    /// <summary>What validation concluded about a protocol that had no error.</summary>
    /// <param name="ProtocolHash">Its version hash (<see cref="Trial.ProtocolFingerprint"/>).</param>
    /// <param name="Warnings">Every warning loading, validating and compiling it gave, to report again.</param>
    public sealed record Entry(string ProtocolHash, IReadOnlyList<Diagnostic> Warnings);

    /// <summary>The cache under <paramref name="options"/>'s folder and secret; null when it is off or its secret cannot be used.</summary>
    public static ValidatedProtocolCache? Open(RuleOptions options)
    {
        if (!options.UseCache) return null;
        try
        {
            return new ValidatedProtocolCache(new RuleAssemblyCache(options.ResolveCacheDirectory(), RuleCacheSecret.LoadOrCreate(options.ResolveCacheKeyFile())));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The key of a loaded document seen with the plugins in <paramref name="pluginFolders"/>.</summary>
    public static string KeyOf(ProtocolDocument document, IEnumerable<string> pluginFolders)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(text));
            hash.AppendData([0]);
        }
        Add("protocol-engine-validated/1");
        Add(typeof(ValidatedProtocolCache).Assembly.ManifestModule.ModuleVersionId.ToString());
        Add(Path.GetFullPath(document.Path));
        Add(document.ContentHash);
        foreach (var folder in pluginFolders)
        {
            Add(folder);
            if (!Directory.Exists(folder)) continue;
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var info = new FileInfo(file);
                Add($"{Path.GetRelativePath(folder, file)}|{info.Length}|{info.LastWriteTimeUtc.Ticks}");
            }
        }
        return "validated-" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The entry of <paramref name="key"/>, or null when there is none or it fails its check (then it is removed).</summary>
    public Entry? TryRead(string key)
    {
        try
        {
            switch (_files.TryRead(key, out var content, out var warnings))
            {
                case RuleAssemblyCache.ReadResult.Hit:
                    return new Entry(Encoding.UTF8.GetString(content), warnings);
                case RuleAssemblyCache.ReadResult.Rejected:
                    _files.Remove(key);
                    return null;
                default:
                    return null;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Keeps <paramref name="entry"/>; a cache that cannot be written is skipped (the next start validates again).</summary>
    public void Write(string key, Entry entry)
    {
        try
        {
            _files.Write(key, Encoding.UTF8.GetBytes(entry.ProtocolHash), entry.Warnings);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not cached: correctness does not depend on it.
        }
    }
}
