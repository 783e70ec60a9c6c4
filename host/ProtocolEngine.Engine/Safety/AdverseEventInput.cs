namespace ProtocolEngine.Engine.Safety;

/// <summary>An adverse event as entered.</summary>
public sealed record AdverseEventInput
{
    public string Term { get; init; } = "";
    public long? MeddraCode { get; init; }
    public int Grade { get; init; }
    public DateOnly Onset { get; init; }
    public DateOnly? Resolved { get; init; }
    public bool Serious { get; init; }
    public Relatedness Relation { get; init; }
}
