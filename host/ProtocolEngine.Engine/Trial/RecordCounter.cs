using System.Globalization;
using ProtocolEngine.Engine.Audit;
using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Engine.Trial;

/// <summary>
/// A running count kept in the store's meta beside the records it counts (the last screening number of a site, the
/// participants randomized in a stratum), so a service that needs "the next number" reads one value instead of every
/// record. The records stay the truth and the unique claim the caller makes with the number stays the guard: a counter
/// that is missing (a database written before counters, a stratum's first participant) or behind (a claim refuses its
/// number) is recounted from the records. A counter is only a shortcut; no answer depends on it being right.
/// </summary>
internal static class RecordCounter
{
    /// <summary>
    /// The next number for <paramref name="key"/>: the counter plus one, or the recount plus one when there is no counter;
    /// <paramref name="claim"/> is called with it, and when it reports the number taken the records are recounted and
    /// the recount's next number claimed instead (which then fails as the caller's claim fails). The counter is set to
    /// the number claimed, in the caller's transaction.
    /// </summary>
    public static int Next(AuditedWriter w, string key, Func<IRecordReader, int> recount, Action<int> claim)
    {
        var counted = w.Reader.GetMeta(key) is { } stored && int.TryParse(stored, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? (int?)n : null;
        var next = (counted ?? recount(w.Reader)) + 1;
        try
        {
            claim(next);
        }
        catch (UniqueKeyConflictException) when (counted is not null)
        {
            next = recount(w.Reader) + 1;
            claim(next);
        }
        Set(w, key, next);
        return next;
    }

    /// <summary>Raises the counter to <paramref name="value"/> (a number the caller chose and claimed itself).</summary>
    public static void Raise(AuditedWriter w, string key, int value)
    {
        if (w.Reader.GetMeta(key) is not { } stored || !int.TryParse(stored, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < value)
            Set(w, key, value);
    }

    private static void Set(AuditedWriter w, string key, int value) => w.SetMeta(key, value.ToString(CultureInfo.InvariantCulture));
}
