using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Engine.Safety;

/// <summary>An imaging finding: radiation myelopathy, or a vertebral fracture with its SINS.</summary>
public sealed record ImagingFinding : IRecord
{
    public static string Collection => "imaging";
    public string Id { get; init; } = "";
    public string ParticipantId { get; init; } = "";
    string? IRecord.ParticipantId => ParticipantId;
    public DateOnly Date { get; init; }
    public ImagingModality Modality { get; init; }
    public FindingKind Finding { get; init; }
    public string Level { get; init; } = "";
    public SinsInput? SinsInput { get; init; }
    public SinsScore? Sins { get; init; }
    public string? Note { get; init; }
    public string ProtocolHash { get; init; } = "";
}

public enum ImagingModality { Ct, Mri, Ect }
public enum FindingKind { NoFinding, RadiationMyelopathy, Fracture }
