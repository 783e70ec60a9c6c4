using System.Security.Cryptography;
using ProtocolEngine.Engine.Audit;
using ProtocolEngine.Engine.Participants;

namespace ProtocolEngine.Tests.Storage.Faults;

/// <summary>What a fault test compares: the database's files byte for byte, and what a store holds.</summary>
public static class StoreFileState
{
    /// <summary>The journal LiteDB keeps beside a database (<c>name-log.ext</c>).</summary>
    public static string JournalOf(string db) =>
        Path.Combine(Path.GetDirectoryName(db)!, Path.GetFileNameWithoutExtension(db) + "-log" + Path.GetExtension(db));

    /// <summary>
    /// SHA-256 of the database and of its journal ("-" when there is none), and the folder's file names but the lock
    /// file's: opening takes a lock on <c>NAME.lock</c> and creates it, empty, when it is missing (it never holds data).
    /// </summary>
    public static string Hashes(string db)
    {
        static string Of(string file) => File.Exists(file) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file))) : "-";
        if (File.Exists(db + ".lock")) Assert.Equal(0, new FileInfo(db + ".lock").Length);
        var names = string.Join(",", Directory.GetFileSystemEntries(Path.GetDirectoryName(db)!).Select(Path.GetFileName)
            .Where(n => n != Path.GetFileName(db) + ".lock").Order(StringComparer.Ordinal));
        return $"{Of(db)} {Of(JournalOf(db))} [{names}]";
    }

    /// <summary>The participants' ids, the number of audit entries and the audit head: equal when a store holds the same transactions.</summary>
    public static string Contents(IRecordStore store) => store.Read(r =>
        $"{string.Join(",", r.All<Participant>().Select(p => p.Id))} | {r.AuditEntries().Count} entries | head {r.GetMeta(AuditHead.MetaKey)}");

    /// <summary>Registers <paramref name="count"/> participants with their audit entries, as the services do.</summary>
    public static int Register(IRecordWriter writer, string site, int count, int from = 1)
    {
        var audited = new AuditedWriter(writer, "tester", "protocol-hash", TimeProvider.System);
        for (var i = from; i < from + count; i++)
            audited.Create(new Participant
            {
                Id = $"{site}-{i:0000}", SiteId = site, ScreeningNumber = i, Initials = "FD", BirthYear = 1960, Sex = Sex.Female,
                RegisteredOn = new DateOnly(2026, 12, 1), ProtocolHash = "protocol-hash",
            }, "participant-add");
        return 0;
    }
}
