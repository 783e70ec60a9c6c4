using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Loading;

namespace ProtocolEngine.Engine.Rules;

/// <summary>
/// Turns a loaded protocol into compiled rules: from the disk cache when an assembly for exactly
/// these inputs exists (the compiler is never called, so Roslyn is never loaded then), otherwise by
/// compiling once with the host's <see cref="IRuleCompiler"/> and storing the result. Each call loads
/// into a fresh collectible context; dispose the result to unload it.
/// </summary>
public sealed class ProtocolRules(IRuleCompiler compiler)
{
    public RuleLoadResult Load(ProtocolDocument document, RuleOptions? options = null)
    {
        options ??= RuleOptions.Default;
        var plan = RulePlan.For(document.Protocol);
        var key = CacheKeyOf(document);
        var diagnostics = new DiagnosticBag();
        var at = new SourceLocation(document.Path, 1, 1);
        var cache = options.UseCache ? OpenCache(options, diagnostics, at) : null;

        if (cache is not null)
        {
            try
            {
                switch (cache.TryRead(key, out var cached, out var warnings))
                {
                    case RuleAssemblyCache.ReadResult.Hit:
                        diagnostics.AddRange(warnings);
                        return new RuleLoadResult(LoadImage(plan, cached, key, fromCache: true), diagnostics.Sorted());
                    case RuleAssemblyCache.ReadResult.Rejected:
                        diagnostics.Warning(DiagnosticCodes.RuleCache, at,
                            $"the cached rules {cache.PathOf(key)} failed their integrity check (changed outside the engine, or made with another key); not loaded, compiling again.");
                        TryRemove(cache, key);
                        break;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
                diagnostics.Warning(DiagnosticCodes.RuleCache, at,
                    $"the cached rules in {cache.Directory} could not be read ({ex.Message}); compiling again.");
                TryRemove(cache, key);
            }
        }

        var output = compiler.Compile(document, plan, "ProtocolRules_" + key[..16]);
        diagnostics.AddRange(output.Diagnostics);
        if (output.Image is null)
            return new RuleLoadResult(null, diagnostics.Sorted());

        if (cache is not null)
        {
            try
            {
                cache.Write(key, output.Image, output.Diagnostics);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                diagnostics.Warning(DiagnosticCodes.RuleCache, new SourceLocation(document.Path, 1, 1),
                    $"the compiled rules could not be cached in {cache.Directory} ({ex.Message}); the next start compiles again. Set PROTOCOL_ENGINE_CACHE to a writable folder.");
            }
        }
        return new RuleLoadResult(LoadImage(plan, output.Image, key, fromCache: false), diagnostics.Sorted());
    }

    /// <summary>The cache with its secret; null (with a warning) when the secret cannot be read or made, so nothing unauthenticated is loaded.</summary>
    private static RuleAssemblyCache? OpenCache(RuleOptions options, DiagnosticBag diagnostics, SourceLocation at)
    {
        var keyFile = options.ResolveCacheKeyFile();
        try
        {
            return new RuleAssemblyCache(options.ResolveCacheDirectory(), RuleCacheSecret.LoadOrCreate(keyFile));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Warning(DiagnosticCodes.RuleCache, at,
                $"the rule cache is not used: its key {keyFile} cannot be used ({ex.Message}); the rules are compiled at every start.");
            return null;
        }
    }

    /// <summary>The key the compiled rules of a document are cached under (<see cref="RuleCacheKey"/>, with this compiler's build).</summary>
    public string CacheKeyOf(ProtocolDocument document) => RuleCacheKey.For(document, compiler);

    private static CompiledProtocol LoadImage(RulePlan plan, byte[] image, string key, bool fromCache) =>
        new(plan, image, fromCache, key);

    private static void TryRemove(RuleAssemblyCache cache, string key)
    {
        try { cache.Remove(key); }
        catch (IOException) { /* the next successful compile overwrites it */ }
    }
}
