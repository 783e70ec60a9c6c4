namespace ProtocolEngine.Engine.Reporting;

/// <summary>An arm as the report names it: id, name and role in the comparison.</summary>
public sealed record ReportArm
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";

    /// <summary>"experimental" or "control" (the statistics plan's arms), else the arm's own role.</summary>
    public string Role { get; init; } = "";
}
