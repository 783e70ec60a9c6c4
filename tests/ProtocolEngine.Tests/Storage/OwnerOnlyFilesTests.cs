using ProtocolEngine.Storage.LiteDb;
using ProtocolEngine.Tests.Storage.Conformance;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Storage;

/// <summary>
/// Issue 11, point 5: the database's folder and files are owner-only. Under the usual umask (022) a file
/// created with the default mode is 0644, so a mode of 0600 right after creation shows it was created so.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class OwnerOnlyFilesTests : IDisposable
{
    private const UnixFileMode File0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Folder0700 = File0600 | UnixFileMode.UserExecute;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_new_database_its_folder_journal_and_lock_file_are_owner_only()
    {
        var folder = _dir.File("data");
        var db = Path.Combine(folder, "trial.db");
        using (var store = LiteRecordStore.Create(db, "owner-only-key-0123456789"))
        {
            store.Write(w => { w.Insert(new SampleRecord { Id = "p1-a", ParticipantId = "p1" }); return 0; });
            Assert.Equal(Folder0700, File.GetUnixFileMode(folder));
            // While open: the file, the lock and LiteDB's journal, whatever is there.
            Assert.Contains(db + ".lock", Directory.GetFiles(folder));
            foreach (var file in Directory.GetFiles(folder))
                Assert.True(File0600 == File.GetUnixFileMode(file), $"{file} is {File.GetUnixFileMode(file)}");
        }
        using (LiteRecordStore.OpenReadOnly(db, "owner-only-key-0123456789")) { }
        foreach (var file in Directory.GetFiles(folder))
            Assert.True(File0600 == File.GetUnixFileMode(file), $"{file} is {File.GetUnixFileMode(file)}");
        Assert.Contains(db, Directory.GetFiles(folder));
    }

    [Fact]
    public void A_lock_file_made_by_a_reader_is_owner_only_too()
    {
        var db = _dir.File("trial.db");
        using (LiteRecordStore.Create(db, "owner-only-key-0123456789")) { }
        File.Delete(db + ".lock");
        using (LiteRecordStore.OpenReadOnly(db, "owner-only-key-0123456789"))
            Assert.Equal(File0600, File.GetUnixFileMode(db + ".lock"));
    }
}
