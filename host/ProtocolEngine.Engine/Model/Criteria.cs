using System.ComponentModel;

namespace ProtocolEngine.Engine.Model;

[Description("The eligibility and drop-out criteria.")]
public sealed record Criteria
{
    [Description("All must be met to be eligible.")]
    public IReadOnlyList<Criterion> Inclusion { get; init; } = [];

    [Description("Any that is met excludes.")]
    public IReadOnlyList<Criterion> Exclusion { get; init; } = [];

    [Description("Reasons a randomized participant leaves the study.")]
    public IReadOnlyList<Criterion> Dropout { get; init; } = [];
}
