namespace ProtocolEngine.Engine.Reporting;

/// <summary>How many participants had one reason (a failed criterion, a stop reason, a drop-out criterion).</summary>
public sealed record ReasonCount
{
    public string Id { get; init; } = "";

    /// <summary>The protocol's wording of the reason, or the reason's name.</summary>
    public string Text { get; init; } = "";
    public int Count { get; init; }
}
