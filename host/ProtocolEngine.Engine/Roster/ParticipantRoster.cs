using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using ProtocolEngine.Engine.Assessments;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Randomization;
using ProtocolEngine.Engine.Safety;
using ProtocolEngine.Engine.Screening;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Engine.Scheduling;
using ProtocolEngine.Engine.Storage;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Engine.Roster;

/// <summary>
/// The trial-wide read model: every participant's registration record and the visits still open, kept in a few
/// meta documents (<see cref="Shards"/>, by a hash of the participant id) beside the records. A trial-wide question
/// (the participant list, the visits due on a day) then reads those few documents instead of a document per
/// participant and collection, which at 10,000 participants was seconds. It is derived data: every write made through
/// a <see cref="TrialSession"/> recomputes, in the same transaction, the entries of the participants it touched, so
/// the roster is never behind the records it commits with. It records the protocol version it was computed under; a
/// roster made under another version (an accepted amendment can change the schedule) or by a build that did not keep
/// one is not used (<see cref="Read"/> gives null and the callers compute from the records), and the next write
/// rebuilds it.
/// </summary>
public sealed class ParticipantRoster(TrialSession session)
{
    /// <summary>How many documents the roster is spread over: a write rewrites only the ones of the participants it touched.</summary>
    public const int Shards = 64;

    /// <summary>Meta key of the roster's state: its layout version and the protocol version it was computed under.</summary>
    public const string StateKey = "roster.state";

    private const string Layout = "1";
    private const string ShardPrefix = "roster.";

    /// <summary>Severe adverse events: CTCAE grade 3 or more (the dashboard's count of open ones).</summary>
    public const int SevereGrade = 3;

    private string State => $"{Layout}:{session.ProtocolHash}";

    /// <summary>The meta key of the shard that holds <paramref name="participantId"/>.</summary>
    public static string ShardKey(string participantId) => ShardKeyOf(ShardOf(participantId));

    private static string ShardKeyOf(int shard) => $"{ShardPrefix}{shard:00}";

    /// <summary>A stable spread of ids over the shards (the first bytes of the id's SHA-256; the same on every machine and run).</summary>
    private static int ShardOf(string participantId) =>
        (int)(BinaryPrimitives.ReadUInt32LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(participantId))) % Shards);

    /// <summary>True when the roster in <paramref name="r"/> is current for this session's protocol version.</summary>
    public bool IsCurrent(IRecordReader r) => r.GetMeta(StateKey) == State;

    /// <summary>Every participant's entry in ordinal id order, or null when the roster is not current (then ask the records).</summary>
    public IReadOnlyList<RosterEntry>? Read(IRecordReader r)
    {
        if (!IsCurrent(r) || Entries(r) is not { } all) return null;
        all.Sort((a, b) => string.CompareOrdinal(a.Participant.Id, b.Participant.Id));
        return all;
    }

    /// <summary>The entries of every shard as stored, whatever version they were made under; null when there is no shard at all.</summary>
    private static List<RosterEntry>? Entries(IRecordReader r)
    {
        List<RosterEntry>? all = null;
        for (var shard = 0; shard < Shards; shard++)
            if (r.GetMeta(ShardKeyOf(shard)) is { } json)
                (all ??= []).AddRange(RecordJson.Deserialize<List<RosterEntry>>(json));
        return all;
    }

    /// <summary>
    /// The participant ids the roster holds, whatever version it was made under (for "did you mean" hints: a stale
    /// roster only makes a hint less apt); from the records when there is no roster at all.
    /// </summary>
    public static IEnumerable<string> KnownIds(IRecordReader r) =>
        Entries(r)?.Select(e => e.Participant.Id) ?? r.Scan<Participant>().Select(p => p.Id);

    /// <summary>
    /// Brings the entries of <paramref name="participants"/> up to date inside the write <paramref name="w"/>; a roster that
    /// is not current is rebuilt from every participant's records instead (once, then kept up to date).
    /// </summary>
    public void Update(IRecordWriter w, IReadOnlyCollection<string> participants)
    {
        if (!IsCurrent(w))
        {
            Rebuild(w);
            return;
        }
        var visits = new VisitService(session);
        foreach (var shard in participants.GroupBy(ShardOf))
        {
            var key = ShardKeyOf(shard.Key);
            var entries = (w.GetMeta(key) is { } json ? RecordJson.Deserialize<List<RosterEntry>>(json) : [])
                .ToDictionary(e => e.Participant.Id, StringComparer.Ordinal);
            foreach (var id in shard)
            {
                if (w.Find<Participant>(id) is { } p) entries[id] = EntryOf(visits, w, p);
                else entries.Remove(id);
            }
            w.SetMeta(key, RecordJson.Serialize(entries.Values.OrderBy(e => e.Participant.Id, StringComparer.Ordinal).ToList()));
        }
    }

    /// <summary>
    /// Marks the roster of a new database current and empty, inside the write that creates it (under
    /// <paramref name="protocolHash"/>, the version it accepts).
    /// </summary>
    public static void MarkEmpty(IRecordWriter w, string protocolHash)
    {
        for (var n = 0; n < Shards; n++) w.SetMeta(ShardKeyOf(n), "[]");
        w.SetMeta(StateKey, $"{Layout}:{protocolHash}");
    }

    /// <summary>
    /// Marks the roster stale (not used, rebuilt by the next write): for bulk loading that does not maintain it, so that a
    /// load that stops half way never leaves a roster that looks current.
    /// </summary>
    public static void Invalidate(IRecordWriter w) => w.SetMeta(StateKey, "stale");

    /// <summary>Computes every participant's entry from the records (each collection streamed once) and marks the roster current.</summary>
    public void Rebuild(IRecordWriter w)
    {
        var visits = new VisitService(session);
        var slices = VisitService.Slices(w).With<AdverseEvent>(w);
        var shards = new List<RosterEntry>[Shards];
        for (var n = 0; n < Shards; n++) shards[n] = [];
        foreach (var p in w.Scan<Participant>())
            shards[ShardOf(p.Id)].Add(EntryOf(visits, slices.For(p.Id), p));
        for (var n = 0; n < Shards; n++)
            w.SetMeta(ShardKeyOf(n), RecordJson.Serialize(shards[n]));
        w.SetMeta(StateKey, State);
    }

    private RosterEntry EntryOf(VisitService visits, IRecordReader r, Participant p)
    {
        var today = session.TodayAt(p.SiteId);
        var plan = visits.Plan(r, p, today);
        var live = plan.Any(o => o.Projected);
        var randomization = r.ForParticipant<RandomizationRecord>(p.Id).FirstOrDefault();
        return new RosterEntry
        {
            Participant = p,
            Screened = r.ForParticipant<ScreeningRecord>(p.Id).Count > 0,
            ArmId = randomization?.ArmId,
            RandomizedOn = randomization?.RandomizedOn,
            LastFractionOn = r.ForParticipant<FractionRecord>(p.Id).Select(x => (DateOnly?)x.Date).Max(),
            OpenSevereAdverseEvents = r.ForParticipant<AdverseEvent>(p.Id).Count(e => e.Resolved is null && e.Grade >= SevereGrade),
            TreatmentOngoing = randomization is not null && session.Protocol.Fractionation is { } f
                && session.Protocol.Sites.FirstOrDefault(s => s.Id == p.SiteId) is { } site
                && !TreatmentService.CourseOf(r, f, site, p.Id, today).Closed,
            Live = live,
            Open = live ? [] : [.. plan.Where(o => o.Status is VisitStatus.Upcoming or VisitStatus.Due or VisitStatus.Overdue)],
        };
    }
}
