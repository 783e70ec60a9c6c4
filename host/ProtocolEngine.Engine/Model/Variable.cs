using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace ProtocolEngine.Engine.Model;

[Description("A typed datum collected per participant. Rules use it by its id.")]
public sealed record Variable
{
    [Required, RegularExpression(Patterns.Identifier), Description("Name used in rules and participant data (snake_case).")]
    public string Id { get; init; } = "";

    [Required, Description("Question or label shown to the coordinator.")]
    public string Label { get; init; } = "";

    [Required] public VariableType Type { get; init; }

    [Description("Unit of measure (UCUM where one exists: a, mm[Hg], ms, mo).")]
    public string? Unit { get; init; }

    [Description("Smallest allowed value (integer and number).")]
    public double? Min { get; init; }

    [Description("Largest allowed value (integer and number).")]
    public double? Max { get; init; }

    [Description("For type 'code': the name of a list in code_lists.")]
    public string? CodeList { get; init; }

    [Description("True when the variable holds a list of values rather than one.")]
    public bool Many { get; init; }

    [Description("For type 'records': the fields of each record.")]
    public IReadOnlyList<Variable>? Fields { get; init; }

    [RegularExpression("^[A-Z][A-Za-z0-9]*$"), Description("For type 'records': the C# type name of one record in rules (default: the id in PascalCase).")]
    public string? RecordName { get; init; }

    [Description("True when the value is an investigator's recorded judgement rather than a measurement.")]
    public bool Judgement { get; init; }

    [Description("The registration datum this variable must agree with: age (completed years on the screening date, from the registered birth date or year), sex (the registered sex) or screening-date (the date of the screening). Left out of participant data, it is taken from the registration where that is exact.")]
    public RegistrationDatum? Registration { get; init; }

    public string? Description { get; init; }
}

public enum RegistrationDatum { Age, Sex, ScreeningDate }

public enum VariableType { Integer, Number, Boolean, Date, Code, Text, Records }
