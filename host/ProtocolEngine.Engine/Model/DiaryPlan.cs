using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace ProtocolEngine.Engine.Model;

[Description("A daily patient diary kept from the first fraction until some days after the last (e.g. for pain flare).")]
public sealed record DiaryPlan
{
    [Required] public string Label { get; init; } = "";
    [Required, Range(0, 365), Description("Days after the last fraction the diary continues.")]
    public int DaysAfterEnd { get; init; }
    [Description("What each entry holds (pain, analgesics).")] public IReadOnlyList<string> Collect { get; init; } = [];
    [Description("Where the diary's window comes from (reference).")] public string? Source { get; init; }
}
