using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Loading;
using Diagnostic = ProtocolEngine.Engine.Diagnostics.Diagnostic;

namespace ProtocolEngine.Engine.Validation;

/// <summary>
/// Checks that a rule is one well-formed C# expression and reports syntax errors at the file, line
/// and column inside the YAML scalar. Types and names are the rule compiler's business.
/// </summary>
internal static class RuleSyntax
{
    private static readonly CSharpParseOptions Options = new(LanguageVersion.Latest);

    public static void Check(ProtocolDocument document, object owner, string member, string rule, Action<Diagnostic> report)
    {
        var span = document.Map.ValueOf(owner, member);
        SourceLocation Locate(int offset) =>
            span is null ? document.Map.At(owner, member, document.Path) : document.Map.MapOffset(span, rule, offset);

        if (string.IsNullOrWhiteSpace(rule))
        {
            report(new Diagnostic(DiagnosticCodes.RuleSyntax, Severity.Error, "the rule is empty; write a C# expression.", Locate(0)));
            return;
        }
        var expression = SyntaxFactory.ParseExpression(rule, options: Options, consumeFullText: true);
        foreach (var d in expression.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            report(new Diagnostic(
                DiagnosticCodes.RuleSyntax,
                Severity.Error,
                $"rule does not parse: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)} ({d.Id})",
                Locate(d.Location.SourceSpan.Start)));
        }
    }
}
