using ProtocolEngine.CrashWriter;
using ProtocolEngine.Engine.Audit;
using ProtocolEngine.Storage.LiteDb;
using Xunit.Abstractions;
using static ProtocolEngine.Tests.Storage.Faults.StoreFileState;

namespace ProtocolEngine.Tests.Storage.Faults;

/// <summary>
/// Issue 11, point 7: a full disk during a write, on a real small tmpfs filled to the last page. LiteDB writes a
/// transaction into its journal when it commits and copies the journal into the file at a checkpoint; the disk can
/// run out in either. The commit's change is then refused with a message that says so and nothing of it counts; a
/// checkpoint's failure loses nothing committed; the database opens and verifies once space is free.
/// </summary>
public sealed class FullDiskStoreTests(ITestOutputHelper output)
{
    private const string Key = "full-disk-key-0123";

    [RootFact]
    public void A_commit_cut_off_by_a_full_disk_is_refused_and_the_database_stays_as_it_was()
    {
        // Free space from none to more than the journal's first pages: the disk runs out at different points of the commit
        // (12 KiB: in the middle of a journal page, which leaves a partial page at its end).
        foreach (var leave in new[] { 0, 8 * 1024, 12 * 1024, 40 * 1024, 160 * 1024 })
        {
            using var disk = new SmallDisk(6 * 1024);
            var db = disk.File("trial.db");
            using (var first = LiteRecordStore.Create(db, Key))
                first.Write(w => Register(w, "before", 20));
            var store = LiteRecordStore.Open(db, Key);
            var before = Contents(store);
            disk.FillLeaving(leave);
            var journal = new FileInfo(JournalOf(db));
            var journalBefore = journal.Exists ? journal.Length : 0;

            var refused = Assert.Throws<StoreFaultException>(() => store.Write(w => { CrashBatch.Write(w, TimeProvider.System, () => { }); return 0; }));

            journal.Refresh();
            output.WriteLine($"{leave / 1024} KiB free: journal {journalBefore} -> {journal.Length} bytes; {refused.Message}");
            Assert.Contains("The disk is full", refused.Message);
            Assert.Contains(db, refused.Message);
            Assert.Contains("Nothing of this change was saved", refused.Message);
            if (leave >= 40 * 1024)
                Assert.True(journal.Length > journalBefore + 8192, "the disk ran out in the middle of the commit: part of the transaction was in the journal");
            // After the failure the store writes nothing more, not even once space is free again.
            disk.FreeAll();
            var files = Hashes(db);
            Assert.Throws<StoreFaultException>(() => store.Write(w => Register(w, "after-fault", 1)));
            store.Dispose();
            Assert.Equal(files, Hashes(db));
            // LiteDB's transaction ended normally: nothing is left for a finalizer to fail on (that would end the process).
            GC.Collect();
            GC.WaitForPendingFinalizers();

            using (var reopened = LiteRecordStore.Open(db, Key))
            {
                Assert.Equal(before, Contents(reopened));
                Assert.Empty(reopened.Read(AuditVerifier.Verify));
                reopened.Write(w => Register(w, "later", 3));
                Assert.Empty(reopened.Read(AuditVerifier.Verify));
            }
            using (var again = LiteRecordStore.OpenReadOnly(db, Key))
                Assert.Contains("later-0003", Contents(again));
        }
    }

    [RootFact]
    public void A_checkpoint_cut_off_by_a_full_disk_loses_nothing_committed()
    {
        // 24 KiB: the checkpoint stops between pages; 20 KiB: in the middle of one, leaving a partial page at the file's end.
        foreach (var leave in new[] { 24 * 1024, 20 * 1024 })
            CheckpointCutOff(leave);
    }

    private void CheckpointCutOff(int leave)
    {
        using var disk = new SmallDisk(6 * 1024);
        var db = disk.File("trial.db");
        using (var first = LiteRecordStore.Create(db, Key))
            first.Write(w => Register(w, "before", 20));
        var store = LiteRecordStore.Open(db, Key);
        store.Write(w => { CrashBatch.Write(w, TimeProvider.System, () => { }); return 0; });
        var committed = Contents(store);
        var journal = new FileInfo(JournalOf(db));
        var journalLength = journal.Length;
        var dataLength = new FileInfo(db).Length;
        Assert.True(journalLength > 10 * 8192, "the commit is in the journal, waiting for the checkpoint");
        // The checkpoint on close must add pages to the file; a few pages of room let it start and stop half way.
        disk.FillLeaving(leave);

        Assert.False(store.Close(), "the checkpoint met the full disk");

        journal.Refresh();
        var cut = new FileInfo(db).Length;
        output.WriteLine($"{leave / 1024} KiB free: file {dataLength} -> {cut} bytes ({(cut % 8192 == 0 ? "whole pages" : "a partial page at the end")}), journal {journalLength} -> {journal.Length}");
        Assert.True(cut > dataLength, "the checkpoint had written part of the file when the disk ran out");
        Assert.Equal(journalLength, journal.Length);
        disk.FreeAll();

        // A reader sees every committed transaction (from the journal) and changes no byte of either file.
        var files = Hashes(db);
        using (var reader = LiteRecordStore.OpenReadOnly(db, Key))
        {
            Assert.Equal(committed, Contents(reader));
            Assert.Empty(reader.Read(AuditVerifier.Verify));
        }
        Assert.Equal(files, Hashes(db));
        // A writer finishes the checkpoint on close: one file again, the journal gone.
        using (var writer = LiteRecordStore.Open(db, Key))
        {
            Assert.Equal(committed, Contents(writer));
            Assert.Empty(writer.Read(AuditVerifier.Verify));
        }
        Assert.False(File.Exists(JournalOf(db)));
        Assert.Equal(0, new FileInfo(db).Length % 8192);
        using var last = LiteRecordStore.OpenReadOnly(db, Key);
        Assert.Equal(committed, Contents(last));
    }
}
