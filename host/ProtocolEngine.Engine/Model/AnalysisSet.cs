using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace ProtocolEngine.Engine.Model;

[Description("An analysis set: who is analysed, and how an outcome that cannot be assessed counts.")]
public sealed record AnalysisSet
{
    [Required, RegularExpression(Patterns.Id)] public string Id { get; init; } = "";
    [Required] public string Label { get; init; } = "";
    [Required, Description("Who belongs to the set: randomized (as randomized), treated (at least one fraction delivered), completed-treatment (the whole planned course delivered).")]
    public AnalysisPopulation Population { get; init; }
    [Required, Description("A participant who died before the time point: counted as a non-responder or excluded.")]
    public MissingOutcome Death { get; init; }
    [Required, Description("A participant lost to follow-up before the time point.")]
    public MissingOutcome LostToFollowUp { get; init; }
    [Required, Description("A participant who withdrew before the time point.")]
    public MissingOutcome Withdrawn { get; init; }
    [Required, Description("A participant alive and in follow-up whose assessment at the time point is missing.")]
    public MissingOutcome MissingAssessment { get; init; }
    [Description("A participant not assessable for response (baseline worst pain below the endpoint's minimum); default: as missing_assessment.")]
    public MissingOutcome? NotAssessable { get; init; }
    public string? Description { get; init; }
}

public enum AnalysisPopulation { Randomized, Treated, CompletedTreatment }

public enum MissingOutcome { NonResponder, Excluded }
