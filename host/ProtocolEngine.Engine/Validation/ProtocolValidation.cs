using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Loading;
using ProtocolEngine.Engine.Rules;

namespace ProtocolEngine.Engine.Validation;

/// <summary>
/// Load, bind, check and compile a protocol: the whole of what <c>validate</c> does. The rules are
/// compiled (or taken from the cache) only when loading and checking found no error, so one mistake
/// is never reported twice.
/// </summary>
public sealed class ProtocolValidation(ProtocolLoader loader, ProtocolRules protocolRules)
{
    public LoadResult Run(string path, ValidationContext? context = null, RuleOptions? rules = null)
    {
        using var opened = Open(path, context, rules);
        return opened.Load;
    }

    /// <summary>Like <see cref="Run"/>, and keeps the compiled rules for screening; dispose to unload them.</summary>
    public OpenedProtocol Open(string path, ValidationContext? context = null, RuleOptions? rules = null)
    {
        var diagnostics = new DiagnosticBag();
        var loaded = loader.Load(path, diagnostics);
        CompiledProtocol? compiled = null;
        if (loaded.Document is not null)
        {
            new ProtocolValidator(context ?? ValidationContext.Empty).Validate(loaded.Document, diagnostics);
            if (!diagnostics.HasErrors)
            {
                var result = protocolRules.Load(loaded.Document, rules);
                diagnostics.AddRange(result.Diagnostics);
                compiled = result.Rules;
            }
        }
        return new OpenedProtocol(loaded with { Diagnostics = diagnostics.Sorted() }, compiled);
    }
}
