using System.Text;
using ProtocolEngine.Storage.LiteDb;
using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Tests.Records.Support;

namespace ProtocolEngine.Tests.Records;

public class StorageTests
{
    [Fact]
    public void The_file_is_encrypted_no_plaintext_of_records_or_protocol()
    {
        using var t = new TrialFixture();
        t.Enrol();
        t.Close();
        var bytes = File.ReadAllBytes(t.DbPath);
        foreach (var text in new[] { "spine-rt", "participants", "coordinator", "mch-001", "randomize" })
            Assert.DoesNotContain(text, Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        t.Reopen();
    }

    [Theory]
    [InlineData("wrong-key-000", "wrong database key")]
    [InlineData("", "No database key")]
    public void Wrong_or_missing_key_is_refused_and_the_file_is_unchanged(string key, string message)
    {
        using var t = new TrialFixture();
        t.Close();
        var before = File.ReadAllBytes(t.DbPath);
        var files = Directory.GetFiles(t.Dir).Order().ToList();
        var ex = Assert.Throws<StoreOpenException>(() => LiteRecordStore.Open(t.DbPath, key));
        Assert.Contains(message, ex.Message);
        Assert.Equal(before, File.ReadAllBytes(t.DbPath));
        Assert.Equal(files, Directory.GetFiles(t.Dir).Order());
        t.Reopen();
    }

    [Fact]
    public void A_corrupt_file_is_refused_with_a_clear_message_and_left_as_it_was()
    {
        using var t = new TrialFixture();
        t.Close();
        var bytes = File.ReadAllBytes(t.DbPath);
        new Random(7).NextBytes(bytes.AsSpan(0, 8192));
        File.WriteAllBytes(t.DbPath, bytes);
        var ex = Assert.Throws<StoreOpenException>(() => LiteRecordStore.Open(t.DbPath, TrialFixture.Key));
        Assert.Contains("trial.db", ex.Message);
        Assert.Equal(bytes, File.ReadAllBytes(t.DbPath));
        File.WriteAllBytes(t.DbPath, []);
        Assert.Throws<StoreOpenException>(() => LiteRecordStore.Open(t.DbPath, TrialFixture.Key));
        Assert.Equal(0, new FileInfo(t.DbPath).Length);
    }

    [Theory]
    [InlineData(3000)]   // a stray file, not whole pages
    [InlineData(16384)]  // whole pages, but not an encrypted LiteDB file
    public void A_file_that_is_not_a_trial_database_is_refused_and_not_overwritten(int length)
    {
        using var t = new TrialFixture();
        var path = Path.Combine(t.Dir, "stray.db");
        var bytes = new byte[length];
        new Random(3).NextBytes(bytes);
        bytes[0] = 0; // LiteDB marks an encrypted file with 1 in its first byte
        File.WriteAllBytes(path, bytes);

        var ex = Assert.Throws<StoreOpenException>(() => LiteRecordStore.Open(path, TrialFixture.Key));

        Assert.Contains("stray.db", ex.Message);
        Assert.Contains("nothing was changed", ex.Message);
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_database_of_another_protocol_is_refused()
    {
        using var t = new TrialFixture();
        var other = TestProtocols.Spine() with { Id = "other-trial" };
        var ex = Assert.Throws<StoreOpenException>(() => TrialDatabase.Open(t.Store, other, "admin", TrialFixture.Password, t.Clock));
        Assert.Contains("belongs to protocol 'spine-rt'", ex.Message);
    }

    [Fact]
    public void Create_refuses_an_existing_file_and_open_a_missing_one()
    {
        using var t = new TrialFixture();
        Assert.Throws<StoreOpenException>(() => LiteRecordStore.Create(t.DbPath, TrialFixture.Key));
        var missing = Path.Combine(t.Dir, "none.db");
        Assert.Contains("protocol-engine init", Assert.Throws<StoreOpenException>(() => LiteRecordStore.Open(missing, TrialFixture.Key)).Message);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void A_failed_transaction_writes_nothing()
    {
        using var t = new TrialFixture();
        var count = t.Store.Read(r => r.AuditEntries().Count);
        Assert.Throws<InvalidOperationException>(() => t.Store.Write<int>(w =>
        {
            w.Claim("x");
            w.SetMeta("y", "z");
            throw new InvalidOperationException("boom");
        }));
        Assert.Null(t.Store.Read(r => r.GetMeta("y")));
        t.Store.Write(w => { w.Claim("x"); return 0; });
        Assert.Throws<UniqueKeyConflictException>(() => t.Store.Write(w => { w.Claim("x"); return 0; }));
        Assert.Equal(count, t.Store.Read(r => r.AuditEntries().Count));
    }
}
