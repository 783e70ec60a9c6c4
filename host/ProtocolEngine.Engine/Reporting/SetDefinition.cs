namespace ProtocolEngine.Engine.Reporting;

/// <summary>An analysis set as the protocol defines it, for the footnotes.</summary>
public sealed record SetDefinition
{
    public string Id { get; init; } = "";
    public string Label { get; init; } = "";

    /// <summary>Who is in it and how death, loss, withdrawal and a missing assessment count.</summary>
    public string Rules { get; init; } = "";
    public string? Description { get; init; }
}
