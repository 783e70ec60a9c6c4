using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Engine.Security;

/// <summary>
/// The failed logins in a row for one user name as tried (a name no user has included, so the record does
/// not tell which names exist): how many, when the last was, and when the name was locked. Never the password.
/// </summary>
public sealed record LoginFailures : IRecord
{
    public static string Collection => "login_failures";
    public string Id { get; init; } = "";
    string? IRecord.ParticipantId => null;
    public int Count { get; init; }
    public DateTimeOffset LastUtc { get; init; }
    public DateTimeOffset? LockedUtc { get; init; }
}
