using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProtocolEngine.Rules.Roslyn;

/// <summary>
/// The allow-list for rules and scripts, checked on the semantic model of the author's code:
/// primitives, Math, strings, dates and times, LINQ, collections and the protocol's own types
/// (code lists, records, script classes). Anything else (files, network, processes, reflection,
/// the environment, threads and tasks, interop, unsafe code, dynamic) is an error at its place.
/// </summary>
internal sealed class RuleSandbox(SemanticModel model, Action<SyntaxNode, string> report, Func<SyntaxReference, bool> isUserCode)
{
    private const string Reflection = "(reflection)";

    /// <summary>CultureInfo's process- or thread-wide settings: reading the current culture is fine, setting any of them is not.</summary>
    private static readonly HashSet<string> CultureSettings = new(StringComparer.Ordinal)
    {
        "CurrentCulture", "CurrentUICulture", "DefaultThreadCurrentCulture", "DefaultThreadCurrentUICulture",
    };

    private static readonly HashSet<string> AllowedNamespaces = new(StringComparer.Ordinal)
    {
        "System.Linq", "System.Collections.Generic", "System.Collections.ObjectModel", "System.Text", "System.Globalization",
    };

    /// <summary>The engine's domain types that rules may use.</summary>
    private static readonly HashSet<string> AllowedTypes = new(StringComparer.Ordinal)
    {
        "ProtocolEngine.Contracts.Rules.CodeList",
    };

    private static readonly HashSet<string> DeniedTypes = new(StringComparer.Ordinal)
    {
        "System.Linq.Queryable", "System.Linq.ParallelEnumerable", "System.Text.EncodingProvider",
    };

    private static readonly HashSet<string> AllowedSystemTypes = new(StringComparer.Ordinal)
    {
        "Object", "String", "Char", "Boolean", "Byte", "SByte", "Int16", "UInt16", "Int32", "UInt32", "Int64", "UInt64",
        "Int128", "UInt128", "Single", "Double", "Half", "Decimal", "Math", "MathF", "DateOnly", "DateTime", "DateTimeOffset",
        "TimeOnly", "TimeSpan", "DayOfWeek", "DateTimeKind", "MidpointRounding", "StringComparison", "StringComparer",
        "StringSplitOptions", "Nullable", "ValueTuple", "Tuple", "Func", "Action", "Predicate", "Comparison", "Converter",
        "IComparable", "IEquatable", "IFormattable", "IFormatProvider", "Index", "Range", "Array", "Convert", "Enum", "Void",
        "Span", "ReadOnlySpan", "Guid", "Exception", "ArgumentException", "ArgumentNullException", "ArgumentOutOfRangeException",
        "InvalidOperationException", "NotSupportedException", "NotImplementedException", "FormatException", "OverflowException",
        "DivideByZeroException", "ValueType", "Attribute", "FlagsAttribute", "ObsoleteAttribute", "IDisposable",
    };

    public void Check(SyntaxNode node)
    {
        switch (node)
        {
            case TypeOfExpressionSyntax:
                report(node, "typeof is not allowed in rules and scripts (reflection)");
                return;
            case PointerTypeSyntax or FunctionPointerTypeSyntax or FixedStatementSyntax or StackAllocArrayCreationExpressionSyntax:
                report(node, "unsafe code is not allowed in rules and scripts");
                return;
            case GotoStatementSyntax:
                report(node, "goto is not allowed in rules and scripts; write a loop");
                return;
            case LockStatementSyntax:
                report(node, "lock is not allowed in rules and scripts (threads)");
                return;
            case AwaitExpressionSyntax:
                report(node, "await is not allowed in rules and scripts (tasks)");
                return;
            case DestructorDeclarationSyntax:
                report(node, "finalizers are not allowed in rules and scripts (they run on another thread, outside any time limit)");
                return;
            case UsingDirectiveSyntax u when u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword):
                report(node, "global using is not allowed in scripts; write the using in each script that needs it");
                return;
            case CatchClauseSyntax c:
                CheckCatch(c);
                break;
            case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax:
                CheckModifiers(node);
                CheckTypeDeclaration((MemberDeclarationSyntax)node);
                break;
            case MemberDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax:
                CheckModifiers(node);
                break;
            case SimpleNameSyntax name:
                CheckName(name);
                break;
        }
    }

    private void CheckModifiers(SyntaxNode node)
    {
        var modifiers = node switch
        {
            MemberDeclarationSyntax m => m.Modifiers,
            LocalFunctionStatementSyntax f => f.Modifiers,
            AnonymousFunctionExpressionSyntax a => a.Modifiers,
            _ => default,
        };
        foreach (var m in modifiers)
        {
            if (m.IsKind(SyntaxKind.UnsafeKeyword))
                report(node, "unsafe code is not allowed in rules and scripts");
            else if (m.IsKind(SyntaxKind.ExternKeyword))
                report(node, "extern methods (P/Invoke) are not allowed in rules and scripts");
            else if (m.IsKind(SyntaxKind.AsyncKeyword))
                report(node, "async code is not allowed in rules and scripts (tasks)");
        }
    }

    /// <summary>
    /// <c>catch</c> without a type, or of <c>Exception</c>, would also catch the engine's own signals: the time limit
    /// (so an endless loop could go on), the stack-depth check and the missing-value signal (an unknown would become a verdict).
    /// </summary>
    private void CheckCatch(CatchClauseSyntax clause)
    {
        var type = clause.Declaration is { } d ? model.GetTypeInfo(d.Type).Type : null;
        if (type is null || type.SpecialType == SpecialType.System_Object || type.ToDisplayString() == "System.Exception")
            report(clause, "catch without a type or catch (Exception) is not allowed in rules and scripts: it would catch the engine's time limit and missing-value signals; catch the specific exception the code throws (FormatException, OverflowException, ...)");
    }

    /// <summary>A type the engine generates (the participant class, CodeLists, the record classes) cannot be extended from a script: a partial declaration of it is refused.</summary>
    private void CheckTypeDeclaration(MemberDeclarationSyntax declaration)
    {
        if (model.GetDeclaredSymbol(declaration) is INamedTypeSymbol type && type.DeclaringSyntaxReferences.Any(r => !isUserCode(r)))
            report(declaration, $"scripts cannot add members to '{type.Name}', a type the engine generates; declare a class of your own (e.g. static class {type.Name}Helpers)");
    }

    private void CheckName(SimpleNameSyntax name)
    {
        var info = model.GetSymbolInfo(name);
        var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
        if (symbol is null)
        {
            if (model.GetTypeInfo(name).Type is { TypeKind: TypeKind.Dynamic })
                report(name, "dynamic is not allowed in rules and scripts");
            return;
        }
        if (symbol is IPropertySymbol { ContainingType: { Name: "CultureInfo", ContainingNamespace: { Name: "Globalization" } } } culture
            && CultureSettings.Contains(culture.Name) && (culture.Name.StartsWith("DefaultThread", StringComparison.Ordinal) || IsAssigned(name)))
        {
            report(name, $"setting CultureInfo.{culture.Name} is not allowed in rules and scripts (it changes the culture of every later rule); pass a CultureInfo to the call that needs one");
            return;
        }
        if (Why(symbol) is { } why)
            report(name, why);
    }

    /// <summary>True when the name (or the member access it ends) is the target of an assignment.</summary>
    private static bool IsAssigned(SimpleNameSyntax name)
    {
        SyntaxNode target = name.Parent is MemberAccessExpressionSyntax m && m.Name == name ? m : name;
        return target.Parent is AssignmentExpressionSyntax a && a.Left == target;
    }

    private static string? Why(ISymbol symbol) => symbol switch
    {
        ITypeSymbol t => WhyType(t),
        IMethodSymbol { Name: "GetType" } =>
            "GetType() is not allowed in rules and scripts (reflection)",
        IMethodSymbol { Name: "CreateInstance" or "CreateInstanceFromArrayType", ContainingType.SpecialType: SpecialType.System_Array } =>
            "Array.CreateInstance is not allowed in rules and scripts (reflection); create the array with new T[n]",
        IMethodSymbol { MethodKind: not MethodKind.Constructor, ContainingType: { Name: "Attribute", ContainingNamespace.Name: "System" } } m =>
            $"Attribute.{m.Name} is not allowed in rules and scripts (attribute reflection)",
        IPropertySymbol { Name: "StackTrace" or "TargetSite" } p when IsException(p.ContainingType) =>
            $"Exception.{p.Name} is not allowed in rules and scripts {Reflection}; use the exception's Message",
        IMethodSymbol m => WhyType(m.ReducedFrom?.ContainingType ?? m.ContainingType)
            ?? WhyType(m.ReturnType)
            ?? (m.ReducedFrom ?? m).Parameters.Select(p => WhyType(p.Type)).FirstOrDefault(w => w is not null),
        IPropertySymbol p => WhyType(p.ContainingType) ?? WhyType(p.Type),
        IFieldSymbol f => WhyType(f.ContainingType) ?? WhyType(f.Type),
        IEventSymbol => WhyType(symbol.ContainingType),
        _ => null,
    };

    private static bool IsException(INamedTypeSymbol? type)
    {
        for (; type is not null; type = type.BaseType)
            if (type is { Name: "Exception", ContainingNamespace.Name: "System" }) return true;
        return false;
    }

    private static string? WhyType(ITypeSymbol? type)
    {
        switch (type)
        {
            case null or ITypeParameterSymbol:
                return null;
            case IDynamicTypeSymbol:
                return "dynamic is not allowed in rules and scripts";
            case IPointerTypeSymbol or IFunctionPointerTypeSymbol:
                return "unsafe code is not allowed in rules and scripts";
            case IArrayTypeSymbol array:
                return WhyType(array.ElementType);
            case INamedTypeSymbol named:
                if (named.Locations.Any(l => l.IsInSource))
                    return null;
                var outer = named.OriginalDefinition;
                while (outer.ContainingType is not null) outer = outer.ContainingType;
                var ns = outer.ContainingNamespace?.ToDisplayString() ?? "";
                var full = ns.Length == 0 ? outer.Name : $"{ns}.{outer.Name}";
                var allowed = AllowedTypes.Contains(full) || !DeniedTypes.Contains(full)
                    && (AllowedNamespaces.Contains(ns) || (ns == "System" && AllowedSystemTypes.Contains(outer.Name)));
                if (!allowed)
                    return $"'{full}' is not allowed in rules and scripts{Category(ns, outer.Name)}; rules may use primitives, Math, strings, dates and times, LINQ, collections and the protocol's own types";
                return named.TypeArguments.Select(WhyType).FirstOrDefault(w => w is not null);
            default:
                return null;
        }
    }

    private static string Category(string ns, string name) => ns switch
    {
        _ when ns.StartsWith("System.IO", StringComparison.Ordinal) => " (file I/O)",
        _ when ns.StartsWith("System.Net", StringComparison.Ordinal) => " (network)",
        _ when ns.StartsWith("System.Diagnostics", StringComparison.Ordinal) => " (processes and diagnostics)",
        _ when ns.StartsWith("System.Reflection", StringComparison.Ordinal) || name == "Type" || name == "Activator" => " (reflection)",
        _ when ns.StartsWith("System.Threading", StringComparison.Ordinal) => " (threads and tasks)",
        _ when ns.StartsWith("System.Runtime.InteropServices", StringComparison.Ordinal) => " (P/Invoke and interop)",
        _ when name is "Environment" or "AppDomain" or "AppContext" or "GC" => " (the environment and the runtime)",
        _ when name == "Console" => " (console I/O)",
        _ => "",
    };
}
