using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace ProtocolEngine.Engine.Model;

[Description("Who can be assessed for a pain response: the baseline worst pain a response needs, with where the rule comes from.")]
public sealed record PainAssessability
{
    [Required, Range(0, 10), Description("The lowest baseline worst pain (NRS 0-10) from which a response is assessed; below it the participant is not assessable.")]
    public int MinBaselineWorstPain { get; init; }

    [Required, Description("Where the rule comes from (publication, section) and how the protocol reads it.")]
    public string Source { get; init; } = "";
}
