using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Loading;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Rules;

namespace ProtocolEngine.Rules.Roslyn;

/// <summary>
/// The only place Roslyn is used, touched only on a cache miss. Compiles a protocol's rules,
/// derived fields and scripts as ONE compilation: syntax check of each rule, type check of the
/// whole, the sandbox walk, the variables each rule reads, then the guard rewrite and emit.
/// Every diagnostic is mapped back to the YAML or script file and reported at once.
/// </summary>
internal static class RuleCompiler
{
    internal static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var tpa = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator);
        string[] wanted = ["System.Private.CoreLib", "System.Runtime", "System.Collections", "System.Linq", "System.ObjectModel", "netstandard"];
        var refs = tpa.Where(p => wanted.Contains(Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
        refs.Add(MetadataReference.CreateFromFile(typeof(Contracts.Rules.RuleParticipant).Assembly.Location));
        return [.. refs];
    });

    public static CompileOutput Compile(ProtocolDocument document, RulePlan plan, string assemblyName)
    {
        var diagnostics = new DiagnosticBag();
        CheckRuleSyntax(document, plan, diagnostics);
        if (diagnostics.HasErrors)
            return new CompileOutput(null, diagnostics.Sorted());

        var source = RuleSourceGenerator.Generate(plan, document.Scripts);
        var tree = CSharpSyntaxTree.ParseText(source.Text, ParseOptions, path: "protocol-rules.g.cs");
        var placeholder = CSharpSyntaxTree.ParseText(RuleSourceGenerator.ReferencesSource(RuleReferences.Empty(plan)), ParseOptions, path: "protocol-references.g.cs");
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
            optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable, deterministic: true);
        var compilation = CSharpCompilation.Create(assemblyName, [tree, placeholder], References.Value, options);

        var mapper = new RoslynDiagnostics(document, source, tree);
        var model = compilation.GetSemanticModel(tree);
        var root = tree.GetRoot();
        var reported = new HashSet<(SourceLocation, string)>();
        void Report(Location location, string message)
        {
            var at = mapper.Locate(location);
            if (reported.Add((at, message)))
                diagnostics.Error(DiagnosticCodes.RuleForbidden, at, message + ".");
        }
        var sandbox = new RuleSandbox(model, (node, message) => Report(node.GetLocation(), message),
            r => r.SyntaxTree == tree && source.SegmentAt(r.Span.Start) is not null);
        foreach (var segment in source.Segments)
        {
            var span = new Microsoft.CodeAnalysis.Text.TextSpan(segment.Start, segment.Length);
            foreach (var node in root.DescendantNodes(span).Where(n => span.Contains(n.Span)))
                sandbox.Check(node);
            // #line would move the author's positions (and the engine's own mapping) anywhere.
            foreach (var directive in root.DescendantTrivia(span, descendIntoTrivia: true).Where(t => span.Contains(t.Span)
                && t.Kind() is SyntaxKind.LineDirectiveTrivia or SyntaxKind.LineSpanDirectiveTrivia))
                Report(directive.GetLocation(), "#line directives are not allowed in rules and scripts (the engine maps every position to the author's file itself)");
        }

        // Fast path: guard and emit straight away. Only when the emit has anything to say (an
        // error or a warning) is the unguarded code checked in full, so that every diagnostic is
        // reported at the author's position rather than in the rewritten code.
        byte[]? image = null;
        if (!diagnostics.HasErrors)
        {
            var references = RuleReferences.Compute(model, root, source, plan);
            var guarded = tree.WithRootAndOptions(new GuardRewriter(model, source).Visit(root), ParseOptions);
            var final = compilation
                .ReplaceSyntaxTree(tree, guarded)
                .ReplaceSyntaxTree(placeholder, CSharpSyntaxTree.ParseText(RuleSourceGenerator.ReferencesSource(references), ParseOptions, path: "protocol-references.g.cs"));
            using var pe = new MemoryStream();
            EmitResult emitted = final.Emit(pe);
            if (emitted.Success && !emitted.Diagnostics.Any(d => d.Severity is DiagnosticSeverity.Warning or DiagnosticSeverity.Error && !d.IsSuppressed))
                return new CompileOutput(pe.ToArray(), diagnostics.Sorted());
            if (emitted.Success)
                image = pe.ToArray();
        }

        var names = RuleReferences.Names(plan.Protocol).ToList();
        var mapped = compilation.GetDiagnostics()
            .Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning && !d.IsSuppressed)
            .Select(d => mapper.Map(d, x => Hint(x, names)))
            .ToList();
        diagnostics.AddRange(mapped);
        if (image is null && !diagnostics.HasErrors)
            diagnostics.Error(DiagnosticCodes.RuleInternal, new SourceLocation(document.Path, 1, 1),
                "the rules compile but the guarded code does not; this is a fault of the engine, please report it.");
        return new CompileOutput(diagnostics.HasErrors ? null : image, diagnostics.Sorted());
    }

    /// <summary>Each rule must be exactly one C# expression (so no rule can reach outside its method).</summary>
    private static void CheckRuleSyntax(ProtocolDocument document, RulePlan plan, DiagnosticBag diagnostics)
    {
        var owners = plan.Derived.Select(d => ((object)d, nameof(DerivedField.Rule), d.Rule))
            .Concat(plan.Rules.Select(r => ((object)r.Criterion, nameof(Criterion.Rule), r.Criterion.Rule!)));
        foreach (var (owner, member, rule) in owners)
        {
            SourceLocation Locate(int offset) => RoslynDiagnostics.LocateInRule(document, owner, member, rule, offset);
            if (string.IsNullOrWhiteSpace(rule))
            {
                diagnostics.Error(DiagnosticCodes.RuleSyntax, Locate(0), "the rule is empty; write a C# expression.");
                continue;
            }
            var expression = SyntaxFactory.ParseExpression(rule, options: ParseOptions, consumeFullText: true);
            foreach (var d in expression.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error))
                diagnostics.Error(DiagnosticCodes.RuleSyntax, Locate(d.Location.SourceSpan.Start),
                    $"rule does not parse: {d.GetMessage(CultureInfo.InvariantCulture)} ({d.Id})");
        }
    }

    /// <summary>"did you mean" for a misspelt variable or derived field.</summary>
    private static string? Hint(Microsoft.CodeAnalysis.Diagnostic d, IReadOnlyList<string> names)
    {
        if (d.Id != "CS0103" || d.Location.SourceTree is null) return null;
        var word = d.Location.SourceTree.GetText().ToString(d.Location.SourceSpan);
        return Naming.Closest(word, names) is { } close ? $"did you mean '{close}'?" : null;
    }
}
