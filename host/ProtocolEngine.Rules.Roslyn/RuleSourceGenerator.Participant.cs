using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Rules;

namespace ProtocolEngine.Rules.Roslyn;

public sealed partial class RuleSourceGenerator
{
    private const string Base = "global::ProtocolEngine.Contracts.Rules.RuleParticipant";

    private void WriteParticipant()
    {
        var variables = _plan.Variables;
        var derived = _plan.Derived;
        Line($"public sealed partial class {GeneratedSource.ParticipantClass} : {Base}");
        Line("{");
        for (var i = 0; i < variables.Count; i++)
        {
            var v = variables[i];
            var type = RulePlan.CSharpType(v);
            Line($"    private {type} __v{i} = default!;");
            Line($"    private bool __h{i};");
            Line($"    public {type} {v.Id} => __h{i} ? __v{i} : {ThrowMissing}<{type}>({Literal(v.Id)});");
        }
        for (var i = 0; i < derived.Count; i++)
            WriteDerived(i, derived[i]);
        foreach (var rule in _plan.Rules)
        {
            Line($"    private bool __Rule{rule.Index}() =>");
            Segment(rule.Criterion, nameof(Criterion.Rule), rule.Criterion.Rule!);
            Line("    ;");
        }
        WriteDispatch();
        Line("}");
    }

    private void WriteDerived(int i, DerivedField d)
    {
        var type = RulePlan.CSharpType(d);
        Line($"    private {type} __d{i} = default!;");
        Line($"    private byte __ds{i};");
        Line($"    private global::System.Exception? __de{i};");
        Line($"    public {type} {d.Id} => __ds{i} == 2 ? __d{i} : __Derive{i}();");
        Line($"    private {type} __Derive{i}()");
        Line("    {");
        Line($"        if (__ds{i} == 1) throw new global::System.InvalidOperationException({Literal($"derived field '{d.Id}' depends on itself")});");
        Line($"        if (__ds{i} == 3) throw __de{i}!;");
        Line($"        __ds{i} = 1;");
        Line($"        try {{ __d{i} = __DerivedRule{i}(); __ds{i} = 2; return __d{i}; }}");
        Line($"        catch (global::System.Exception e) {{ __de{i} = e; __ds{i} = 3; throw; }}");
        Line("    }");
        Line($"    private {type} __DerivedRule{i}() =>");
        Segment(d, nameof(DerivedField.Rule), d.Rule);
        Line("    ;");
    }

    private void WriteDispatch()
    {
        var variables = _plan.Variables;
        Line($"    public override {Base} CreateNew() => new {GeneratedSource.ParticipantClass}();");

        Line("    public override bool Evaluate(int rule)");
        Line("    {");
        Line("        switch (rule)");
        Line("        {");
        foreach (var rule in _plan.Rules)
            Line($"            case {rule.Index}: return __Rule{rule.Index}();");
        Line("            default: throw new global::System.ArgumentOutOfRangeException(nameof(rule));");
        Line("        }");
        Line("    }");

        Line("    public override void Set(int variable, object value)");
        Line("    {");
        Line("        switch (variable)");
        Line("        {");
        for (var i = 0; i < variables.Count; i++)
        {
            var v = variables[i];
            if (v.Type == VariableType.Records)
            {
                var record = RulePlan.RecordName(v);
                Line($"            case {i}:");
                Line("            {");
                Line("                var src = (global::System.Collections.Generic.IReadOnlyList<global::System.Collections.Generic.IReadOnlyDictionary<string, object>>)value;");
                Line($"                var items = new global::System.Collections.Generic.List<{record}>(src.Count);");
                Line($"                for (var k = 0; k < src.Count; k++) items.Add(new {record}(src[k]));");
                Line($"                __v{i} = items; __h{i} = true; break;");
                Line("            }");
            }
            else if (v.Many)
            {
                // Lists rather than arrays: interface calls on arrays (IReadOnlyList<T>.Count, this[i]) are slow.
                var element = RulePlan.CSharpType(v with { Many = false });
                Line($"            case {i}: __v{i} = new global::System.Collections.Generic.List<{element}>((global::System.Collections.Generic.IEnumerable<{element}>)value); __h{i} = true; break;");
            }
            else
            {
                Line($"            case {i}: __v{i} = ({RulePlan.CSharpType(v)})value; __h{i} = true; break;");
            }
        }
        Line("            default: throw new global::System.ArgumentOutOfRangeException(nameof(variable));");
        Line("        }");
        Line("        ResetDerived();");
        Line("    }");

        Line("    public override bool Has(int variable) => variable switch");
        Line("    {");
        for (var i = 0; i < variables.Count; i++)
            Line($"        {i} => __h{i},");
        Line("        _ => false,");
        Line("    };");

        Line("    public override void Clear()");
        Line("    {");
        for (var i = 0; i < variables.Count; i++)
            Line($"        __h{i} = false; __v{i} = default!;");
        Line("        ResetDerived();");
        Line("    }");

        Line("    public override void ResetDerived()");
        Line("    {");
        for (var i = 0; i < _plan.Derived.Count; i++)
            Line($"        __ds{i} = 0; __de{i} = null;");
        Line("    }");

        Line($"    private static readonly string[] __ruleIds = {{ {string.Join(", ", _plan.Rules.Select(r => Literal(r.Criterion.Id)))} }};");
        Line("    public override global::System.Collections.Generic.IReadOnlyList<string> RuleIds => __ruleIds;");
        Line($"    private static readonly string[] __variableIds = {{ {string.Join(", ", variables.Select(v => Literal(v.Id)))} }};");
        Line("    public override global::System.Collections.Generic.IReadOnlyList<string> VariableIds => __variableIds;");
    }

    /// <summary>The second part of the participant class: which variables each rule reads (found by the compiler).</summary>
    public static string ReferencesSource(IReadOnlyList<IReadOnlyList<int>> references)
    {
        var rows = string.Join(",\n        ", references.Select(r => $"new int[] {{ {string.Join(", ", r)} }}"));
        return $$"""
            // <auto-generated/>
            #nullable enable
            namespace {{GeneratedSource.Namespace}};
            public sealed partial class {{GeneratedSource.ParticipantClass}}
            {
                private static readonly int[][] __references =
                {
                    {{rows}}
                };
                public override global::System.Collections.Generic.IReadOnlyList<int> References(int rule) => __references[rule];
            }
            """;
    }
}
