namespace ProtocolEngine.Engine.Workspace;

/// <summary>The protocol, database and user a workspace was opened on, and what the user's role may do.</summary>
public sealed record WorkspaceInfo
{
    public string ProtocolId { get; init; } = "";
    public string ProtocolTitle { get; init; } = "";
    public string DatabasePath { get; init; } = "";
    public string UserId { get; init; } = "";

    /// <summary>The role in lower case (administrator, coordinator, investigator, statistician, monitor).</summary>
    public string Role { get; init; } = "";
    public bool CanRegister { get; init; }
    public bool CanScreen { get; init; }
    public bool CanRandomize { get; init; }

    /// <summary>False while the protocol differs from the accepted version: everything is read only until an amendment is accepted.</summary>
    public bool Writable { get; init; }
    public IReadOnlyList<string> PendingChanges { get; init; } = [];
    public IReadOnlyList<SiteOption> Sites { get; init; } = [];
    public DateOnly Today { get; init; }
}

/// <summary>A site of the protocol.</summary>
public sealed record SiteOption(string Id, string Name);
