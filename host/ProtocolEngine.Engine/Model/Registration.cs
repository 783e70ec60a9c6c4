using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace ProtocolEngine.Engine.Model;

[Description("Where the trial is registered.")]
public sealed record Registration
{
    [Required, Description("Registry name, e.g. ChiCTR, ClinicalTrials.gov.")]
    public string Registry { get; init; } = "";

    [Required, Description("Registration number in that registry.")]
    public string Number { get; init; } = "";

    [Description("Web address of the registration.")]
    public string? Url { get; init; }
}
