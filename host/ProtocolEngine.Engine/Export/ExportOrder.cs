using ProtocolEngine.Engine.Assessments;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Engine.Export;

/// <summary>
/// The order of the export's tables: by participant (ordinal), then within one participant by the table's own key.
/// The store's scan already gives participant order, then id; only the records of one participant are sorted again
/// here (they come together in a scan), so no table is ever sorted, or held, whole.
/// </summary>
internal static class ExportOrder
{
    /// <summary>Ids by length, then ordinal: "AE2" before "AE10".</summary>
    public static IEnumerable<T> ById<T>(IEnumerable<T> records) where T : IRecord =>
        records.OrderBy(x => x.Id.Length).ThenBy(x => x.Id, StringComparer.Ordinal);

    public static IEnumerable<FractionRecord> Fractions(IEnumerable<FractionRecord> records) => records.OrderBy(x => x.Sequence);

    public static IEnumerable<Assessment> Assessments(IEnumerable<Assessment> records) => records.OrderBy(x => x.Date);

    public static IEnumerable<DiaryEntry> Diary(IEnumerable<DiaryEntry> records) => records.OrderBy(x => x.Date);

    /// <summary>Sorts each participant's run of a scan (participant, then id order) with <paramref name="order"/> (a stable sort keeps id order among equals).</summary>
    public static IEnumerable<T> WithinParticipant<T>(IEnumerable<T> scan, Func<IEnumerable<T>, IEnumerable<T>> order) where T : IRecord =>
        Runs(scan).SelectMany(order);

    /// <summary>A scan cut into the runs of consecutive records of one participant, each a new list.</summary>
    public static IEnumerable<List<T>> Runs<T>(IEnumerable<T> scan) where T : IRecord
    {
        var run = new List<T>();
        foreach (var record in scan)
        {
            if (run.Count > 0 && record.ParticipantId != run[0].ParticipantId)
            {
                yield return run;
                run = [];
            }
            run.Add(record);
        }
        if (run.Count > 0) yield return run;
    }
}
