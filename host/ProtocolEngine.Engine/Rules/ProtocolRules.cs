using ProtocolEngine.Contracts.Rules;
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
        var cache = options.UseCache ? new RuleAssemblyCache(options.ResolveCacheDirectory()) : null;
        var diagnostics = new DiagnosticBag();

        if (cache is not null)
        {
            try
            {
                if (cache.TryRead(key, out var cached, out var warnings))
                {
                    diagnostics.AddRange(warnings);
                    return new RuleLoadResult(LoadImage(plan, cached, key, fromCache: true), diagnostics.Sorted());
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or BadImageFormatException or FormatException)
            {
                diagnostics.Warning(DiagnosticCodes.RuleCache, new SourceLocation(document.Path, 1, 1),
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

    /// <summary>The key the compiled rules of a document are cached under (<see cref="RuleCacheKey"/>, with this compiler's build).</summary>
    public string CacheKeyOf(ProtocolDocument document) => RuleCacheKey.For(document, compiler);

    private static CompiledProtocol LoadImage(RulePlan plan, byte[] image, string key, bool fromCache)
    {
        var context = new RuleLoadContext($"rules:{plan.Protocol.Id}:{key[..12]}");
        try
        {
            using var stream = new MemoryStream(image, writable: false);
            var assembly = context.LoadFromStream(stream);
            var type = assembly.GetType(RuleImage.ParticipantType, throwOnError: true)!;
            var prototype = (RuleParticipant)Activator.CreateInstance(type)!;
            return new CompiledProtocol(plan, context, prototype, fromCache, key);
        }
        catch
        {
            context.Unload();
            throw;
        }
    }

    private static void TryRemove(RuleAssemblyCache cache, string key)
    {
        try { cache.Remove(key); }
        catch (IOException) { /* the next successful compile overwrites it */ }
    }
}
