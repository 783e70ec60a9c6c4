using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Audit;
using ProtocolEngine.Engine.Storage;
using ProtocolEngine.Engine.Security;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Scheduling;
using ProtocolEngine.Engine.Roster;

namespace ProtocolEngine.Engine.Trial;

/// <summary>
/// An authenticated user working on one trial database under one protocol version. Every write
/// checks the role's permission and that the protocol is the accepted version, then runs as one
/// audited transaction.
/// </summary>
public sealed class TrialSession(IRecordStore store, Protocol protocol, UserAccount user, TimeProvider clock, IReadOnlyList<string> pendingChanges,
    IReadOnlyDictionary<string, string>? scripts = null)
{
    public IRecordStore Store => store;
    public Protocol Protocol => protocol;

    private string? _canonicalJson, _protocolHash;

    /// <summary>The protocol version as stored: its data and its scripts' texts (serialized when first asked for).</summary>
    public string CanonicalJson => _canonicalJson ??= ProtocolFingerprint.CanonicalJson(protocol, scripts);

    /// <summary>The SHA-256 of <see cref="CanonicalJson"/>, computed once (every audited write names it), or known without serializing.</summary>
    public string ProtocolHash => _protocolHash ??= ProtocolFingerprint.HashOf(protocol, scripts);
    public UserAccount User => user;
    public TimeProvider Clock => clock;

    /// <summary>Differences from the accepted protocol version; empty when the protocol is the accepted one.</summary>
    public IReadOnlyList<string> PendingChanges { get; private set; } = pendingChanges;

    private readonly Dictionary<string, TimeZoneInfo> _zones = protocol.Sites.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => SiteTimeZones.Of(g.First()));

    /// <summary>
    /// Today at the site: the date in the site's time zone (<c>time_zone</c> in the protocol) at the clock's instant,
    /// the UTC date for a site without one (or one the protocol does not list).
    /// </summary>
    public DateOnly TodayAt(string siteId) => SiteTimeZones.DateIn(_zones.GetValueOrDefault(siteId) ?? TimeZoneInfo.Utc, clock.GetUtcNow());

    /// <summary>
    /// Today for the participant: the date at the participant's site. Every "not in the future" check about a
    /// participant uses it; an unknown participant gets <see cref="Today"/> (the write that follows refuses it).
    /// </summary>
    public DateOnly TodayFor(string participantId) =>
        store.Read(r => r.Find<Participant>(participantId)) is { } p ? TodayAt(p.SiteId) : Today;

    /// <summary>
    /// The trial-wide date: the latest of the sites' dates (the UTC date without sites), so that a trial-wide
    /// "as of today" includes every site's today. Checks about one participant use <see cref="TodayFor"/>.
    /// </summary>
    public DateOnly Today
    {
        get
        {
            var now = clock.GetUtcNow();
            return _zones.Count == 0 ? DateOnly.FromDateTime(now.UtcDateTime) : _zones.Values.Max(z => SiteTimeZones.DateIn(z, now));
        }
    }

    public T Read<T>(Permission permission, Func<IRecordReader, T> read)
    {
        RolePolicy.Demand(user, permission);
        return store.Read(read);
    }

    /// <summary>The user's keys, opened with the password or the login token; null for an account made before signed trails.</summary>
    public UserKeys? Keys { get; init; }

    /// <summary>
    /// When set, transactions are not signed one by one: the user and keys are handed to it, and its owner signs once
    /// for many (the demo, at the end of each simulated day's batch).
    /// </summary>
    public DeferredSigning? Deferred { get; init; }

    public T Write<T>(Permission permission, Func<AuditedWriter, T> write)
    {
        RolePolicy.Demand(user, permission);
        if (PendingChanges.Count > 0)
            throw new AmendmentPendingException(PendingChanges);
        return store.Write(w => Signed(w, write));
    }

    /// <summary>
    /// True (the default): every write also refreshes, in its transaction, the roster entries of the participants it
    /// touched (<see cref="ParticipantRoster"/>). A bulk loader (the demo) turns it off and rebuilds the roster once at the end.
    /// </summary>
    public bool MaintainsRoster { get; init; } = true;

    /// <summary>Writes that are allowed while an amendment is pending (accepting it).</summary>
    internal T WriteDuringAmendment<T>(Permission permission, Func<AuditedWriter, T> write)
    {
        RolePolicy.Demand(user, permission);
        var result = store.Write(w => Signed(w, write));
        PendingChanges = [];
        return result;
    }

    /// <summary>
    /// Runs the write, refreshes the roster entries of the participants it touched (<see cref="MaintainsRoster"/>), and
    /// signs what it appended with the user's keys (or hands them to <see cref="Deferred"/>).
    /// </summary>
    private T Signed<T>(IRecordWriter w, Func<AuditedWriter, T> write)
    {
        var audited = new AuditedWriter(w, user.Id, ProtocolHash, clock);
        var result = write(audited);
        if (MaintainsRoster && audited.Participants.Count > 0)
            new ParticipantRoster(this).Update(w, audited.Participants);
        if (audited.Appended && Keys is { } keys)
        {
            if (Deferred is { } deferred) deferred.Add(keys);
            else audited.Sign(keys);
        }
        return result;
    }
}
