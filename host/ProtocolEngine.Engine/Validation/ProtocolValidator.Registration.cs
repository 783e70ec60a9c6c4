using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Engine.Validation;

public sealed partial class ProtocolValidator
{
    /// <summary>
    /// Variables bound to the participant's registration (age, sex, screening date): each datum is
    /// one value per participant, held by at most one top-level variable of a type that can hold it.
    /// </summary>
    private static void CheckRegistration(Run run)
    {
        var holders = new Dictionary<RegistrationDatum, Variable>();
        foreach (var v in run.Protocol.Variables.Where(v => v.Registration is not null && run.Clean(v)))
        {
            var datum = v.Registration!.Value;
            var key = $"'registration: {Loading.Naming.EnumValue(datum)}'";
            var (types, holds) = Expected(datum);
            if (!types.Contains(v.Type))
                run.Error(DiagnosticCodes.InconsistentVariable, v, nameof(Variable.Registration),
                    $"'{v.Id}' is of type {Loading.Naming.EnumValue(v.Type)} but {key} needs {holds}; change its type or drop the registration.");
            if (v.Many)
                run.Error(DiagnosticCodes.InconsistentVariable, v, nameof(Variable.Many),
                    $"'{v.Id}' holds many values but {key} binds it to the participant's one {Datum(datum)}; drop 'many' or the registration.");
            if (holders.TryGetValue(datum, out var first))
                run.Error(DiagnosticCodes.DuplicateId, v, nameof(Variable.Registration),
                    $"{key} is given to '{first.Id}' (line {run.Document.Map.At(first, nameof(Variable.Registration), run.Document.Path).Line}) and again to '{v.Id}'; one variable holds the participant's {Datum(datum)}: keep the registration on one of them.");
            else
                holders[datum] = v;
        }

        foreach (var records in run.Protocol.Variables.Where(v => v.Type == VariableType.Records))
        {
            foreach (var field in (records.Fields ?? []).Where(f => f.Registration is not null && run.Clean(f)))
                run.Error(DiagnosticCodes.InconsistentVariable, field, nameof(Variable.Registration),
                    $"field '{field.Id}' of '{records.Id}' has 'registration: {Loading.Naming.EnumValue(field.Registration!.Value)}', but a participant has many {records.Id} records and one {Datum(field.Registration.Value)}; move it to a variable of its own.");
        }
    }

    private static (VariableType[] Types, string Holds) Expected(RegistrationDatum datum) => datum switch
    {
        RegistrationDatum.Age => ([VariableType.Integer, VariableType.Number], "an integer or number (completed years)"),
        RegistrationDatum.Sex => ([VariableType.Code], "a code (from a code list of the registered sexes)"),
        _ => ([VariableType.Date], "a date"),
    };

    private static string Datum(RegistrationDatum datum) => datum switch
    {
        RegistrationDatum.Age => "age",
        RegistrationDatum.Sex => "sex",
        _ => "screening date",
    };
}
