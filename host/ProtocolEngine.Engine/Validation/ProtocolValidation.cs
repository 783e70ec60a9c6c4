using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Loading;

namespace ProtocolEngine.Engine.Validation;

/// <summary>Load, bind and check a protocol: the whole of what <c>validate</c> does.</summary>
public static class ProtocolValidation
{
    public static LoadResult Run(string path, ValidationContext? context = null)
    {
        var diagnostics = new DiagnosticBag();
        var loaded = ProtocolLoader.Load(path, diagnostics);
        if (loaded.Document is not null)
            new ProtocolValidator(context ?? ValidationContext.Empty).Validate(loaded.Document, diagnostics);
        return loaded with { Diagnostics = diagnostics.Sorted() };
    }
}
