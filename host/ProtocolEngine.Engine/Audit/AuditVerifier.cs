using ProtocolEngine.Engine.Assessments;
using ProtocolEngine.Engine.FollowUp;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Randomization;
using ProtocolEngine.Engine.Safety;
using ProtocolEngine.Engine.Screening;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Engine.Storage;
using ProtocolEngine.Engine.Security;

namespace ProtocolEngine.Engine.Audit;

/// <summary>
/// Checks the chain: consecutive sequence numbers (an inserted or removed entry breaks them),
/// each entry's previous hash and recomputed hash (an edited entry breaks them), the head kept in
/// meta (a removed tail), that every stored record equals the last value the trail gives it
/// (a record edited behind the trail's back) and that every record the trail names is stored.
/// It streams: one pass over the trail, remembering a 128-bit digest of each record's key and last
/// value (not the JSON), then one pass over each kind of record; memory grows with the number of
/// records, 32 bytes and the dictionary's overhead each, never with their size.
/// </summary>
public static class AuditVerifier
{
    /// <summary>
    /// The store-level verification: the chain and the records against it (what a store must keep for the trail to
    /// verify: the conformance suite's check). Every problem found, in trail order, then by kind of record and id.
    /// Signatures, who may change users, and the meta settings are checked by <see cref="Check(IRecordReader)"/>.
    /// </summary>
    public static IReadOnlyList<AuditProblem> Verify(IRecordReader reader) => Check(reader, null, trust: false).Problems;

    /// <summary>The full verification (chain, records, signatures, users, settings) and the number of entries, from one read of the trail.</summary>
    public static AuditReport Check(IRecordReader reader) => Check(reader, null);

    /// <summary>
    /// As <see cref="Check(IRecordReader)"/>, and when <paramref name="checkpoint"/> is given, that the trail still holds the
    /// history the checkpoint was taken of (its entry at the checkpoint's sequence has the checkpoint's hash, under the same
    /// root administrator key). <paramref name="trust"/> false leaves out signatures and settings (<see cref="Verify"/>).
    /// </summary>
    public static AuditReport Check(IRecordReader reader, AuditCheckpoint? checkpoint, bool trust = true)
    {
        var problems = new List<AuditProblem>();
        var capacity = Checks.Sum(c => c.Count(reader));
        var lastValue = new Dictionary<UInt128, UInt128>(capacity);
        var settings = new Dictionary<string, AuditEntry>(StringComparer.Ordinal);
        var signatures = new SignatureCheck(trust ? problems : []);
        var previous = AuditHasher.Genesis;
        long expected = 1, count = 0;
        var last = AuditHead.Empty;
        string? atCheckpoint = null;
        foreach (var e in reader.Audit())
        {
            if (e.Sequence != expected)
                problems.Add(new(e.Sequence, $"Entry {e.Sequence} found where entry {expected} was expected: entries were inserted or removed."));
            if (e.PreviousHash != previous)
                problems.Add(new(e.Sequence, $"Entry {e.Sequence} does not link to the entry before it (previous hash differs)."));
            if (AuditHasher.Compute(e) != e.Hash)
                problems.Add(new(e.Sequence, $"Entry {e.Sequence} was altered: its content no longer matches its hash."));
            previous = e.Hash;
            expected = e.Sequence + 1;
            count++;
            last = new AuditHead(e.Sequence, e.Hash);
            if (checkpoint is not null && e.Sequence == checkpoint.Sequence) atCheckpoint = e.Hash;
            signatures.Observe(e);
            if (CoveredCollections.Contains(e.Collection))
                lastValue[TrailDigest.Key(e.Collection, e.RecordId)] = TrailDigest.Value(e.NewValue);
            else if (e.Collection == "meta")
                settings[e.RecordId] = e with { OldValue = null };
        }
        signatures.Finish();

        var head = AuditHead.Parse(reader.GetMeta(AuditHead.MetaKey));
        if (head != last)
            problems.Add(new(head.Sequence, $"The trail ends at entry {last.Sequence} but the database recorded entry {head.Sequence} as the last one: entries were removed or replaced."));

        if (trust) problems.AddRange(Settings(reader, settings));
        foreach (var check in Checks)
            problems.AddRange(check.Compare(reader, lastValue));
        if (lastValue.Count > 0)
            problems.AddRange(Missing(reader, lastValue.Keys.ToHashSet()));
        if (checkpoint is not null)
            problems.AddRange(checkpoint.Compare(atCheckpoint, count, signatures.AdministratorKey, signatures.SigningKeyOf(checkpoint.Signer)));
        return new AuditReport(count, problems) { Head = last, AdministratorKey = signatures.AdministratorKey };
    }

    /// <summary>Each meta setting against the last value the trail gave it; the required ones must be in the trail.</summary>
    private static IEnumerable<AuditProblem> Settings(IRecordReader reader, Dictionary<string, AuditEntry> settings)
    {
        foreach (var key in MetaSettings.Required.Where(k => !settings.ContainsKey(k)))
            yield return new(null, $"meta setting '{key}' has no entry in the trail: the trail was rebuilt without it.");
        foreach (var (key, entry) in settings.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var stored = reader.GetMeta(key);
            if (!MetaSettings.Matches(stored, entry.NewValue))
                yield return new(entry.Sequence, stored is null
                    ? $"meta setting '{key}' is missing, but the trail set it last at entry {entry.Sequence}: it was removed outside the trail."
                    : $"meta setting '{key}' differs from the value the trail set last at entry {entry.Sequence}: it was changed outside the trail.");
        }
    }

    /// <summary>
    /// Compares the records of one kind with the trail, removing each record found from <paramref name="lastValue"/>
    /// (what remains are records the trail names but the database lacks). Problems come in id order.
    /// </summary>
    private delegate IEnumerable<AuditProblem> Comparison(IRecordReader reader, Dictionary<UInt128, UInt128> lastValue);

    private sealed record CheckOf(Type Type, string Collection, Func<IRecordReader, int> Count, Comparison Compare);

    /// <summary>Every kind of record the trail covers; a test holds it to every <see cref="IRecord"/> type the engine has.</summary>
    private static readonly CheckOf[] Checks =
    [
        Of<Participant>(), Of<ScreeningRecord>(), Of<RandomizationRecord>(), Of<FractionRecord>(), Of<TreatmentStop>(), Of<TargetVolume>(),
        Of<VisitRecord>(), Of<Assessment>(), Of<DiaryEntry>(), Of<AdverseEvent>(), Of<ImagingFinding>(), Of<Withdrawal>(), Of<VitalStatusRecord>(), Of<PlanRecord>(),
        Of<ProtocolVersion>(), Of<UserAccount>(), Of<LoginSession>(), Of<LoginFailures>(),
    ];

    private static readonly HashSet<string> CoveredCollections = [.. Checks.Select(c => c.Collection)];

    /// <summary>The record types whose stored values are compared with the trail.</summary>
    public static IReadOnlyList<Type> CoveredTypes { get; } = [.. Checks.Select(c => c.Type)];

    private static CheckOf Of<T>() where T : class, IRecord => new(typeof(T), T.Collection, r => r.Count<T>(), Compare<T>);

    private static IEnumerable<AuditProblem> Compare<T>(IRecordReader reader, Dictionary<UInt128, UInt128> lastValue) where T : class, IRecord
    {
        var found = new List<(string Id, AuditProblem Problem)>();
        foreach (var record in reader.Scan<T>())
        {
            if (!lastValue.Remove(TrailDigest.Key(T.Collection, record.Id), out var audited))
                found.Add((record.Id, new(null, $"{T.Collection} record '{record.Id}' has no audit entry.")));
            else if (audited != TrailDigest.Value(AuditedWriter.Json(record)))
                found.Add((record.Id, new(null, $"{T.Collection} record '{record.Id}' differs from its last audited value: it was changed outside the trail"
                    + (T.Collection == UserAccount.Collection ? " (its role, state, keys, or password hash and salt)." : "."))));
        }
        return found.OrderBy(f => f.Id, StringComparer.Ordinal).Select(f => f.Problem);
    }

    /// <summary>Records the trail names but the database does not hold: a second read of the trail, only when there are some, to name them.</summary>
    private static IEnumerable<AuditProblem> Missing(IRecordReader reader, HashSet<UInt128> missing)
    {
        var named = new Dictionary<UInt128, AuditEntry>();
        foreach (var e in reader.Audit())
            if (CoveredCollections.Contains(e.Collection) && TrailDigest.Key(e.Collection, e.RecordId) is var key && missing.Contains(key))
                named[key] = e with { OldValue = null, NewValue = null };
        return named.Values.OrderBy(e => e.Sequence).Select(e => new AuditProblem(e.Sequence,
            $"{e.Collection} record '{e.RecordId}' is in the trail (last at entry {e.Sequence}) but not in the database: it was removed outside the trail."));
    }
}
