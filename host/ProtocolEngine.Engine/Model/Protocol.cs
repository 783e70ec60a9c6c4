using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace ProtocolEngine.Engine.Model;

/// <summary>
/// A clinical-trial protocol as written in protocol.yaml: plain data, no behaviour. Keys in YAML are
/// the snake_case forms of these property names. The loader binds it, the validator checks it.
/// </summary>
[Description("A clinical-trial protocol for ProtocolEngine.")]
public sealed record Protocol
{
    [Required, Range(1, 1), Description("Version of the protocol file format. Only 1 exists.")]
    public int SchemaVersion { get; init; }

    [Required, RegularExpression(Patterns.Slug), Description("Short stable identifier of the trial (lowercase, digits, '-'); names the database file.")]
    public string Id { get; init; } = "";

    [Required, Description("Full title of the trial.")]
    public string Title { get; init; } = "";

    [Description("The protocol's own version label (e.g. '1.0, 2019-06-01').")]
    public string? Version { get; init; }

    [Required, Description("Trial registration.")]
    public Registration Registration { get; init; } = new();

    [Description("Ethics committee approval.")]
    public Ethics? Ethics { get; init; }

    [Required, RegularExpression(Patterns.Phase), Description("Trial phase: 0, I, I/II, II, II/III, III or IV.")]
    public string Phase { get; init; } = "";

    [Required, Description("Study design.")]
    public Design Design { get; init; } = new();

    [Required, Description("Participating sites.")]
    public IReadOnlyList<Site> Sites { get; init; } = [];

    [Description("C# script files (paths relative to this file) whose members every rule can call.")]
    public IReadOnlyList<string> Scripts { get; init; } = [];

    [Description("Named code lists, referenced by variables of type 'code'. Codes keep their order.")]
    public IReadOnlyDictionary<string, IReadOnlyList<CodeItem>> CodeLists { get; init; } = new Dictionary<string, IReadOnlyList<CodeItem>>();

    [Required, Description("The data collected per participant at screening, as typed variables.")]
    public IReadOnlyList<Variable> Variables { get; init; } = [];

    [Description("Values computed from the variables by a rule, declared once and usable by every other rule.")]
    public IReadOnlyList<DerivedField> Derived { get; init; } = [];

    [Required, Description("Inclusion, exclusion and drop-out criteria.")]
    public Criteria Criteria { get; init; } = new();

    [Required, Description("Treatment arms.")]
    public IReadOnlyList<Arm> Arms { get; init; } = [];

    [Description("How participants are allocated to arms.")]
    public RandomizationPlan? Randomization { get; init; }

    [Description("CTV tables (e.g. the ISRC consensus) the arms' ctv policies apply, each with its source.")]
    public IReadOnlyList<CtvTable> CtvTables { get; init; } = [];

    [Description("Where the treated lesions are in the screening data; their target volumes are recorded at randomization.")]
    public TargetLesions? TargetLesions { get; init; }

    [Description("Radiotherapy dose and fractionation.")]
    public Fractionation? Fractionation { get; init; }

    [Description("Organ-at-risk dose constraints, checked against each participant's recorded plan.")]
    public IReadOnlyList<OrganConstraint> OrganConstraints { get; init; } = [];

    [Required, Description("The visit schedule.")]
    public IReadOnlyList<Visit> Visits { get; init; } = [];

    [Description("A daily diary kept around radiotherapy (pain and analgesics), when the protocol asks for one.")]
    public DiaryPlan? Diary { get; init; }

    [Required, Description("Primary and secondary endpoints.")]
    public Endpoints Endpoints { get; init; } = new();

    [Required, Description("The statistics plan.")]
    public StatisticsPlan Statistics { get; init; } = new();

    [Range(1, 60000), Description("Time limit of one rule evaluation in milliseconds (default 100); a rule that runs longer (an endless loop) gives its criterion the verdict error.")]
    public int? RuleTimeLimitMs { get; init; }

    [Description("Folder of scenario files (participant data with expected verdicts), relative to this file. Default: scenarios.")]
    public string? Scenarios { get; init; }
}
