using LiteDB;
using ProtocolEngine.Storage.LiteDb;
using ProtocolEngine.Engine.Records.Persistence;
using ProtocolEngine.Engine.Storage;
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
