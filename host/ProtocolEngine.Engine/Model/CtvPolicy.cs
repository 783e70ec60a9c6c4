using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace ProtocolEngine.Engine.Model;

[Description("How an arm's clinical target volume (CTV) is chosen.")]
public sealed record CtvPolicy
{
    [Required, Description("Name of the policy, understood by the CTV plugin (e.g. isrc-consensus, whole-vertebra).")]
    public string Policy { get; init; } = "";
    [Required] public string Description { get; init; } = "";
    [Description("The CTV-selection plugin that applies the policy.")]
    public string? Plugin { get; init; }
    [Description("Id of the table under ctv_tables the policy applies (policies such as whole-vertebra need none).")]
    public string? Table { get; init; }
}
