using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Engine.Validation;

public sealed partial class ProtocolValidator
{
    private static void CheckVariables(Run run)
    {
        var protocol = run.Protocol;
        foreach (var (name, list) in protocol.CodeLists)
        {
            run.Unique(list, c => c.Code, $"code in list '{name}'", "Code");
            if (list.Count == 0 && run.Bound(protocol.CodeLists, name))
                run.Error(DiagnosticCodes.EmptySection, protocol.CodeLists, name, $"code list '{name}' is empty; give it at least one {{code, label}}.");
        }

        var names = protocol.Variables.Cast<object>().Concat(protocol.Derived);
        run.Unique(names, n => n is Variable v ? v.Id : ((DerivedField)n).Id, "variable");
        CheckVariableList(run, protocol.Variables);
        CheckRegistration(run);

        foreach (var derived in protocol.Derived)
        {
            if (derived.Type == VariableType.Records && run.Bound(derived, nameof(DerivedField.Type)))
                run.Error(DiagnosticCodes.InconsistentVariable, derived, nameof(DerivedField.Type), $"derived field '{derived.Id}' cannot be of type records; use integer, number, boolean, date, code or text.");
        }
    }

    private static void CheckVariableList(Run run, IReadOnlyList<Variable> variables)
    {
        var protocol = run.Protocol;
        foreach (var v in variables.Where(run.Clean))
        {
            var numeric = v.Type is VariableType.Integer or VariableType.Number;
            if (!numeric && (v.Min is not null || v.Max is not null))
                run.Error(DiagnosticCodes.InconsistentVariable, v, v.Min is not null ? nameof(Variable.Min) : nameof(Variable.Max), $"'{v.Id}' is of type {Loading.Naming.EnumValue(v.Type)}; min and max apply only to integer and number.");
            if (v.Min is { } min && v.Max is { } max && min > max)
                run.Error(DiagnosticCodes.InconsistentVariable, v, nameof(Variable.Min), $"'{v.Id}' has min {min} above max {max}; swap them.");
            if (v.Type == VariableType.Integer && (v.Min is { } imin && imin != Math.Floor(imin) || v.Max is { } imax && imax != Math.Floor(imax)))
                run.Error(DiagnosticCodes.InconsistentVariable, v, nameof(Variable.Min), $"'{v.Id}' is an integer; its min and max must be whole numbers.");

            if (v.Type == VariableType.Code)
            {
                if (v.CodeList is null)
                    run.Error(DiagnosticCodes.InconsistentVariable, v, nameof(Variable.Type), $"'{v.Id}' is of type code and needs 'code_list: NAME' naming one of code_lists.");
                else if (!protocol.CodeLists.ContainsKey(v.CodeList))
                    run.Error(DiagnosticCodes.UndefinedCodeList, v, nameof(Variable.CodeList), $"code list '{v.CodeList}' is not defined in code_lists; {Run.Suggest(v.CodeList, protocol.CodeLists.Keys.ToList())}");
            }
            else if (v.CodeList is not null)
            {
                run.Error(DiagnosticCodes.InconsistentVariable, v, nameof(Variable.CodeList), $"'{v.Id}' is of type {Loading.Naming.EnumValue(v.Type)}; code_list applies only to type code.");
            }

            if (v.Type == VariableType.Records)
            {
                if (v.Fields is null || v.Fields.Count == 0)
                    run.Error(DiagnosticCodes.InconsistentVariable, v, nameof(Variable.Type), $"'{v.Id}' is of type records and needs 'fields:' describing one record.");
                else
                {
                    run.Unique(v.Fields, f => f.Id, $"field of '{v.Id}'");
                    CheckVariableList(run, v.Fields);
                }
                foreach (var f in v.Fields ?? [])
                {
                    if (f.Type == VariableType.Records)
                        run.Error(DiagnosticCodes.InconsistentVariable, f, nameof(Variable.Type), $"field '{f.Id}' of '{v.Id}': records cannot nest; flatten the fields.");
                }
            }
            else if (v.Fields is not null)
            {
                run.Error(DiagnosticCodes.InconsistentVariable, v, nameof(Variable.Fields), $"'{v.Id}' is of type {Loading.Naming.EnumValue(v.Type)}; fields apply only to type records.");
            }

            if (v.Judgement && v.Type != VariableType.Boolean)
                run.Error(DiagnosticCodes.InconsistentVariable, v, nameof(Variable.Judgement), $"'{v.Id}' is a recorded judgement and must be of type boolean (a yes/no answer).");
        }
    }
}
