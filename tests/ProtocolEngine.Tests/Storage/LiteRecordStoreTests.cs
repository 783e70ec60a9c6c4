using LiteDB;
using ProtocolEngine.Storage.LiteDb;
using ProtocolEngine.Tests.Storage.Conformance;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Storage;

/// <summary>What only the LiteDB store has to handle: files from before ordinal collation, and LiteDB's own errors inside a write.</summary>
public sealed class LiteRecordStoreTests : IDisposable
{
    private const string Key = "lite-key-0123456789";
    private readonly TempDirectory _dir = new();

    private string DbPath => _dir.File("trial.db");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_file_of_the_first_layout_is_refused_with_what_to_do_and_left_unchanged()
    {
        using (var db = new LiteDatabase(new ConnectionString { Filename = DbPath, Password = Key }))
        {
            var c = db.GetCollection(SampleRecord.Collection);
            c.EnsureIndex("p");
            c.Insert(new BsonDocument { ["_id"] = "abc", ["p"] = "p1", ["j"] = RecordJson.Serialize(new SampleRecord { Id = "abc", ParticipantId = "p1" }) });
            db.GetCollection("audit").Insert(new BsonDocument { ["_id"] = 1L, ["p"] = "p1", ["j"] = "{}" });
        }
        var before = File.ReadAllBytes(DbPath);

        var ex = Assert.Throws<StoreOpenException>(() => LiteRecordStore.Open(DbPath, Key));

        Assert.Contains("store format 1", ex.Message);
        Assert.Contains("protocol-engine init", ex.Message);
        Assert.Equal(before, File.ReadAllBytes(DbPath));
    }

    [Fact]
    public void A_file_that_claims_the_format_but_compares_ids_ignoring_case_is_refused()
    {
        using (var db = new LiteDatabase(new ConnectionString { Filename = DbPath, Password = Key }))
        {
            Assert.Equal("/IgnoreCase", db.Collation.ToString());
            db.GetCollection("meta").Insert(new BsonDocument { ["_id"] = "store.format", ["v"] = "2" });
        }

        var ex = Assert.Throws<StoreOpenException>(() => LiteRecordStore.Open(DbPath, Key));

        Assert.Contains("ignoring case", ex.Message);
    }

    [Fact]
    public void New_files_compare_ids_ordinally()
    {
        using var store = LiteRecordStore.Create(DbPath, Key);
        store.Write(w => { w.SetMeta("created", "yes"); return 0; });
        store.Dispose();

        using var db = new LiteDatabase(new ConnectionString { Filename = DbPath, Password = Key });
        Assert.Equal("/Ordinal", db.Collation.ToString());
    }

    [Fact]
    public void A_database_error_the_write_swallows_still_fails_the_write_and_keeps_nothing()
    {
        using var store = LiteRecordStore.Create(DbPath, Key);

        var failed = Assert.Throws<InvalidOperationException>(() => store.Write(w =>
        {
            w.Insert(new SampleRecord { Id = "before" });
            // LiteDB's index keys are limited to 1023 bytes; the error rolls its transaction back.
            Assert.Throws<LiteException>(() => w.Claim(new string('k', 2000)));
            Assert.Throws<InvalidOperationException>(() => w.Insert(new SampleRecord { Id = "after" }));
            return 0;
        }));

        Assert.Contains("rolled back", failed.Message);
        Assert.Empty(store.Read(r => r.All<SampleRecord>()));
        store.Write(w => { w.Insert(new SampleRecord { Id = "next" }); return 0; });
        Assert.Single(store.Read(r => r.All<SampleRecord>()));
    }
}

public sealed class LiteRecordStoreReadOnlyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pe-readonly-").FullName;
    private string DbPath => Path.Combine(_dir, "trial.db");
    private const string Key = "read-only-test-key";

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Populate()
    {
        using var store = LiteRecordStore.Create(DbPath, Key);
        store.Write(w =>
        {
            w.Insert(new SampleRecord { Id = "p1-a", ParticipantId = "p1" });
            w.AppendAudit(new AuditEntry { Sequence = 1, ParticipantId = "p1", Hash = "h1" });
            return 0;
        });
    }

    [Fact]
    public void Readers_open_side_by_side_and_change_nothing()
    {
        Populate();
        var before = File.ReadAllBytes(DbPath);

        using (var first = LiteRecordStore.OpenReadOnly(DbPath, Key))
        using (var second = LiteRecordStore.OpenReadOnly(DbPath, Key))
        {
            Assert.Equal("p1-a", first.Read(r => r.Find<SampleRecord>("p1-a"))!.Id);
            Assert.Single(second.Read(r => r.AuditOf("p1")));
            Assert.True(first.ReadOnly);
            var ex = Assert.Throws<InvalidOperationException>(() => first.Write(w => { w.SetMeta("x", "y"); return 0; }));
            Assert.Contains("read only", ex.Message);
            Assert.Throws<InvalidOperationException>(() => second.Batch(() => 0));
        }

        Assert.Equal(before, File.ReadAllBytes(DbPath));
    }

    [Fact]
    public async Task A_writer_waits_for_the_readers_and_a_reader_for_the_writer()
    {
        Populate();
        var reader = LiteRecordStore.OpenReadOnly(DbPath, Key);
        var writerOpened = new ManualResetEventSlim();
        var writer = Task.Run(() =>
        {
            using var store = LiteRecordStore.Open(DbPath, Key);
            writerOpened.Set();
            store.Write(w => { w.Insert(new SampleRecord { Id = "p2-a", ParticipantId = "p2" }); return 0; });
            Thread.Sleep(300);
        });

        Assert.False(writerOpened.Wait(TimeSpan.FromMilliseconds(700)), "the writer opened while a reader held the database");
        reader.Dispose();
        Assert.True(writerOpened.Wait(TimeSpan.FromSeconds(30)));
        // While the writer holds it, a reader waits, then sees the write whole.
        using (var late = LiteRecordStore.OpenReadOnly(DbPath, Key))
            Assert.Equal(["p1-a", "p2-a"], late.Read(r => r.All<SampleRecord>()).Select(s => s.Id));
        await writer.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void A_missing_empty_or_foreign_file_is_refused_read_only_too()
    {
        Assert.Throws<StoreOpenException>(() => LiteRecordStore.OpenReadOnly(DbPath, Key));
        File.WriteAllBytes(DbPath, []);
        Assert.Throws<StoreOpenException>(() => LiteRecordStore.OpenReadOnly(DbPath, Key));
        File.WriteAllBytes(DbPath, new byte[8192 * 2]);
        Assert.Throws<StoreOpenException>(() => LiteRecordStore.OpenReadOnly(DbPath, Key));
        Populate2();
        Assert.Throws<StoreOpenException>(() => LiteRecordStore.OpenReadOnly(DbPath, "wrong-key-123"));
    }

    private void Populate2()
    {
        File.Delete(DbPath);
        Populate();
    }
}
