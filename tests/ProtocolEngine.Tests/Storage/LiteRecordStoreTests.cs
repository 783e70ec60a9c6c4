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
    public void A_file_with_LiteDBs_case_insensitive_collation_is_still_read_by_exact_ids()
    {
        using (var db = new LiteDatabase(new ConnectionString { Filename = DbPath, Password = Key }))
        {
            Assert.Equal("/IgnoreCase", db.Collation.ToString());
            var c = db.GetCollection(SampleRecord.Collection);
            c.EnsureIndex("p");
            c.Insert(new BsonDocument { ["_id"] = "abc", ["p"] = "p1", ["j"] = RecordJson.Serialize(new SampleRecord { Id = "abc", ParticipantId = "p1" }) });
            db.GetCollection("meta").Insert(new BsonDocument { ["_id"] = "key", ["v"] = "value" });
        }

        using var store = LiteRecordStore.Open(DbPath, Key);

        Assert.Equal("abc", store.Read(r => r.Find<SampleRecord>("abc"))!.Id);
        Assert.Null(store.Read(r => r.Find<SampleRecord>("ABC")));
        Assert.Single(store.Read(r => r.ForParticipant<SampleRecord>("p1")));
        Assert.Empty(store.Read(r => r.ForParticipant<SampleRecord>("P1")));
        Assert.Equal(("value", null), store.Read(r => (r.GetMeta("key"), r.GetMeta("KEY"))));
        Assert.Throws<InvalidOperationException>(() => store.Write(w => { w.Replace(new SampleRecord { Id = "ABC" }); return 0; }));
        // Such a file can hold only one of two ids that differ in case: the second is refused, never merged.
        Assert.Throws<UniqueKeyConflictException>(() => store.Write(w => { w.Insert(new SampleRecord { Id = "ABC" }); return 0; }));
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
