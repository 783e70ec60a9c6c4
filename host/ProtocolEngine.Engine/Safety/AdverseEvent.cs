using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Engine.Safety;

/// <summary>An adverse event graded by CTCAE v5.0 and coded by MedDRA.</summary>
public sealed record AdverseEvent : IRecord
{
    public static string Collection => "adverse_events";
    public string Id { get; init; } = "";
    public string ParticipantId { get; init; } = "";
    string? IRecord.ParticipantId => ParticipantId;
    public string Term { get; init; } = "";
    public long MeddraCode { get; init; }
    public int Grade { get; init; }
    public DateOnly Onset { get; init; }
    public DateOnly? Resolved { get; init; }
    public bool Serious { get; init; }
    public Relatedness RelationToRadiotherapy { get; init; }
    public string ProtocolHash { get; init; } = "";
}

public enum Relatedness { Unrelated, Unlikely, Possible, Probable, Definite }
