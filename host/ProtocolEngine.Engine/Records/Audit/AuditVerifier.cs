using ProtocolEngine.Engine.Records.Model;
using ProtocolEngine.Engine.Records.Persistence;
using ProtocolEngine.Engine.Records.Security;

namespace ProtocolEngine.Engine.Records.Audit;

/// <summary>
/// Checks the chain: consecutive sequence numbers (an inserted or removed entry breaks them),
/// each entry's previous hash and recomputed hash (an edited entry breaks them), the head kept in
/// meta (a removed tail), and that every stored record equals the last value the trail gives it
/// (a record edited behind the trail's back).
/// </summary>
public static class AuditVerifier
{
    public static IReadOnlyList<AuditProblem> Verify(IRecordReader reader)
    {
        var problems = new List<AuditProblem>();
        var entries = reader.AuditEntries();
        var previous = AuditHasher.Genesis;
        long expected = 1;
        var lastValue = new Dictionary<(string, string), string?>();
        foreach (var e in entries)
        {
            if (e.Sequence != expected)
                problems.Add(new(e.Sequence, $"Entry {e.Sequence} found where entry {expected} was expected: entries were inserted or removed."));
            if (e.PreviousHash != previous)
                problems.Add(new(e.Sequence, $"Entry {e.Sequence} does not link to the entry before it (previous hash differs)."));
            if (AuditHasher.Compute(e) != e.Hash)
                problems.Add(new(e.Sequence, $"Entry {e.Sequence} was altered: its content no longer matches its hash."));
            previous = e.Hash;
            expected = e.Sequence + 1;
            lastValue[(e.Collection, e.RecordId)] = e.NewValue;
        }

        var head = AuditHead.Parse(reader.GetMeta(AuditHead.MetaKey));
        var last = entries.Count == 0 ? AuditHead.Empty : new AuditHead(entries[^1].Sequence, entries[^1].Hash);
        if (head != last)
            problems.Add(new(head.Sequence, $"The trail ends at entry {last.Sequence} but the database recorded entry {head.Sequence} as the last one: entries were removed or replaced."));

        foreach (var check in Checks)
            check.Compare(reader, lastValue, problems);
        return problems;
    }

    private delegate void Check(IRecordReader reader, Dictionary<(string, string), string?> lastValue, List<AuditProblem> problems);

    /// <summary>Every kind of record the trail covers; a test holds it to every <see cref="IRecord"/> type the engine has.</summary>
    private static readonly (Type Type, Check Compare)[] Checks =
    [
        Of<Participant>(), Of<ScreeningRecord>(), Of<RandomizationRecord>(), Of<FractionRecord>(), Of<TreatmentStop>(), Of<TargetVolume>(),
        Of<VisitRecord>(), Of<Assessment>(), Of<DiaryEntry>(), Of<AdverseEvent>(), Of<ImagingFinding>(), Of<Withdrawal>(), Of<VitalStatusRecord>(),
        Of<ProtocolVersion>(), Of<UserAccount>(),
    ];

    /// <summary>The record types whose stored values are compared with the trail.</summary>
    public static IReadOnlyList<Type> CoveredTypes { get; } = [.. Checks.Select(c => c.Type)];

    private static (Type, Check) Of<T>() where T : class, IRecord => (typeof(T), Compare<T>);

    private static void Compare<T>(IRecordReader reader, Dictionary<(string, string), string?> lastValue, List<AuditProblem> problems)
        where T : class, IRecord
    {
        foreach (var record in reader.All<T>())
        {
            if (!lastValue.TryGetValue((T.Collection, record.Id), out var audited))
                problems.Add(new(null, $"{T.Collection} record '{record.Id}' has no audit entry."));
            else if (audited != AuditedWriter.Json(record))
                problems.Add(new(null, $"{T.Collection} record '{record.Id}' differs from its last audited value: it was changed outside the trail."));
        }
    }
}
