using System.Globalization;
using Microsoft.CodeAnalysis;
using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Loading;
using Diagnostic = ProtocolEngine.Engine.Diagnostics.Diagnostic;
using RoslynDiagnostic = Microsoft.CodeAnalysis.Diagnostic;

namespace ProtocolEngine.Rules.Roslyn;

/// <summary>
/// Maps a position in the generated source back to the author's text: inside a rule, through the
/// segment and <see cref="SourceMap.MapOffset"/> to the YAML line and column; inside a script,
/// through the #line directives; elsewhere (a fault of the generator) to the protocol file.
/// </summary>
internal sealed class RoslynDiagnostics(ProtocolDocument document, GeneratedSource source, SyntaxTree tree)
{
    public SourceLocation Locate(Location location)
    {
        if (location.SourceTree == tree && source.SegmentAt(location.SourceSpan.Start) is { } segment)
        {
            if (segment.IsScript)
            {
                var mapped = location.GetMappedLineSpan();
                return new SourceLocation(mapped.Path, mapped.StartLinePosition.Line + 1, mapped.StartLinePosition.Character + 1);
            }
            return LocateInRule(segment, location.SourceSpan.Start - segment.Start);
        }
        return new SourceLocation(document.Path, 1, 1);
    }

    public SourceLocation LocateInRule(RuleSegment segment, int offset) =>
        LocateInRule(document, segment.Owner!, segment.Member!, segment.Text, offset);

    /// <summary>A place inside a rule's text; the end of the text maps just after its last character (not onto the next line).</summary>
    public static SourceLocation LocateInRule(ProtocolDocument document, object owner, string member, string text, int offset)
    {
        var span = document.Map.ValueOf(owner, member);
        if (span is null)
            return document.Map.At(owner, member, document.Path);
        var trimmed = text.TrimEnd().Length;
        if (offset >= trimmed && trimmed > 0)
        {
            var last = document.Map.MapOffset(span, text, trimmed - 1);
            return last with { Column = last.Column + 1 };
        }
        return document.Map.MapOffset(span, text, offset);
    }

    public bool IsUserCode(Location location) =>
        location.SourceTree == tree && source.SegmentAt(location.SourceSpan.Start) is not null;

    public Diagnostic Map(RoslynDiagnostic d, Func<RoslynDiagnostic, string?>? hint = null)
    {
        var message = d.GetMessage(CultureInfo.InvariantCulture);
        var severity = d.Severity == DiagnosticSeverity.Error ? Severity.Error : Severity.Warning;
        if (!IsUserCode(d.Location))
            return new Diagnostic(DiagnosticCodes.RuleInternal, severity, $"generated rule code does not compile: {message} ({d.Id}); this is a fault of the engine, please report it.", Locate(d.Location));
        var extra = hint?.Invoke(d);
        return new Diagnostic(DiagnosticCodes.RuleCompile, severity, $"{message} ({d.Id}){(extra is null ? "" : "; " + extra)}", Locate(d.Location));
    }
}
