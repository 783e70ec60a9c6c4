using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace ProtocolEngine.Engine.Model;

[Description("Primary and secondary endpoints.")]
public sealed record Endpoints
{
    [Required] public IReadOnlyList<Endpoint> Primary { get; init; } = [];
    public IReadOnlyList<Endpoint> Secondary { get; init; } = [];
}

[Description("An endpoint: what is measured, how, and when.")]
public sealed record Endpoint
{
    [Required, RegularExpression(Patterns.Id)] public string Id { get; init; } = "";
    [Required] public string Label { get; init; } = "";
    [Required, Description("How the endpoint is defined.")] public string Definition { get; init; } = "";
    [Description("Instrument or classification (NRS 0-10, CTCAE v5.0, ...).")] public string? Instrument { get; init; }
    [Description("Coding dictionary (MedDRA ...).")] public string? Coding { get; init; }
    [Description("Visits at which it is assessed.")] public IReadOnlyList<string> Visits { get; init; } = [];
    [Description("Specific findings of interest (terms, events).")] public IReadOnlyList<string> Terms { get; init; } = [];
    [Description("The visit (one of visits) at which the endpoint's main analysis is measured.")] public string? TimePoint { get; init; }
    [Description("The visit (one of visits) whose assessment is the baseline the others are compared with; default the first of visits.")] public string? Baseline { get; init; }
    [Description("The pain-response plugin that classifies the endpoint's assessments (pain-response family), e.g. PainResponse.")] public string? Plugin { get; init; }
    [Description("Who can be assessed for response: the minimum baseline worst pain and its source; without it every participant with a baseline is assessable.")]
    public PainAssessability? Assessable { get; init; }
}
