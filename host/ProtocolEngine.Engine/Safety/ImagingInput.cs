namespace ProtocolEngine.Engine.Safety;

/// <summary>An imaging finding as entered; SINS observations are required for a fracture.</summary>
public sealed record ImagingInput
{
    public DateOnly Date { get; init; }
    public ImagingModality Modality { get; init; }
    public FindingKind Finding { get; init; }
    public string Level { get; init; } = "";
    public SinsInput? Sins { get; init; }
    public string? Note { get; init; }
}
