using ProtocolEngine.CrashWriter;
using ProtocolEngine.Engine.Audit;
using ProtocolEngine.Engine.Participants;

namespace ProtocolEngine.Tests.Storage.Conformance;

/// <summary>A crash during a write (see <see cref="WriteAndCrash"/>): the store opens intact, with the write whole or absent.</summary>
public abstract partial class RecordStoreConformance
{
    /// <summary>How much of <see cref="CrashBatch"/> a store holds after the crash.</summary>
    private sealed record BatchFound(int Participants, int AuditEntries, string? Done, bool FirstClaimed, bool LastClaimed)
    {
        public static readonly BatchFound Absent = new(0, 0, null, false, false);
        public static readonly BatchFound Whole = new(CrashBatch.Size, CrashBatch.Size, CrashBatch.Size.ToString(System.Globalization.CultureInfo.InvariantCulture), true, true);
    }

    private static BatchFound Find(IRecordStore store)
    {
        var (participants, entries, done) = store.Read(r => (
            r.All<Participant>().Count(p => p.SiteId == CrashBatch.Site),
            r.AuditEntries().Count(e => e.User == CrashBatch.User),
            r.GetMeta(CrashBatch.DoneKey)));
        return new(participants, entries, done, IsClaimed(store, CrashBatch.ClaimKey(1)), IsClaimed(store, CrashBatch.ClaimKey(CrashBatch.Size)));
    }

    [Theory]
    [InlineData(CrashMoment.InsideWrite, 0)]
    [InlineData(CrashMoment.WhileCommitting, 0)]
    [InlineData(CrashMoment.WhileCommitting, 1)]
    [InlineData(CrashMoment.WhileCommitting, 2)]
    [InlineData(CrashMoment.WhileCommitting, 3)]
    [InlineData(CrashMoment.WhileCommitting, 4)]
    [InlineData(CrashMoment.AfterCommit, 0)]
    public void A_write_cut_off_by_a_crash_is_there_whole_or_not_at_all(CrashMoment moment, int attempt)
    {
        Store.Write(w => Audited(w).Create(Person("mch-001"), "participant-add"));
        var headBefore = AuditHead.Parse(Store.Read(r => r.GetMeta(AuditHead.MetaKey)));

        ReplaceStore(WriteAndCrash(Store, moment, attempt));

        var found = Find(Store);
        Output.WriteLine($"{moment} #{attempt}: {(found == BatchFound.Whole ? "the whole write" : found == BatchFound.Absent ? "nothing of the write" : found)}");
        Assert.Empty(Verify());
        if (moment == CrashMoment.InsideWrite) Assert.Equal(BatchFound.Absent, found);
        else if (moment == CrashMoment.AfterCommit) Assert.Equal(BatchFound.Whole, found);
        else Assert.Contains(found, new[] { BatchFound.Absent, BatchFound.Whole });

        // The store goes on from what is there: the next audited write chains onto it.
        Store.Write(w => Audited(w).Create(Person("mch-002"), "participant-add"));
        var last = Store.Read(r => r.AuditEntries())[^1];
        Assert.Equal(headBefore.Sequence + 1 + found.AuditEntries, last.Sequence);
        Assert.Equal(2, Store.Read(r => r.All<Participant>()).Count(p => p.SiteId == "mch"));
        Assert.Empty(Verify());
    }
}
