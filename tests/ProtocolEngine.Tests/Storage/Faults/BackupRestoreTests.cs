using System.Text;
using System.Text.Json;
using ProtocolEngine.Engine.Audit;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Storage.LiteDb;
using ProtocolEngine.Tests.Records.Support;
using Xunit.Abstractions;
using static ProtocolEngine.Tests.Storage.Faults.StoreFileState;

namespace ProtocolEngine.Tests.Storage.Faults;

/// <summary>
/// Issue 11, point 7: `backup --out FILE` makes a consistent, encrypted, owner-only copy while real processes write;
/// `restore FILE` checks the copy (key, protocol, audit trail, an administrator in it) before it replaces anything,
/// keeps the replaced file beside it, and is audited in the restored database.
/// </summary>
public sealed class BackupRestoreTests(ITestOutputHelper output)
{
    private static string[] Add(CliHarness h, int n) =>
        ["participant", "add", "--site", "mch", "--initials", "BK", "--birth-year", "1960", "--sex", "female", "--screening-number", $"{n}", "--protocol", h.ProtocolPath];

    private static IReadOnlyList<AuditEntry> Trail(string db)
    {
        using var store = LiteRecordStore.OpenReadOnly(db, TrialFixture.Key);
        return store.Read(r => r.AuditEntries());
    }

    private static int Participants(string db)
    {
        using var store = LiteRecordStore.OpenReadOnly(db, TrialFixture.Key);
        return store.Read(r => r.Count<Participant>());
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task A_backup_made_while_real_processes_write_is_a_committed_state_encrypted_owner_only_and_never_overwritten_unasked()
    {
        using var h = new CliHarness();
        h.Ok("init");
        // Two writer processes at a time register participants while backups are taken by other processes.
        var writers = Task.Run(async () =>
        {
            for (var n = 1; n <= 12; n += 2)
            {
                var runs = await Task.WhenAll(EngineProcess.RunAsync(h.Env, Add(h, n)), EngineProcess.RunAsync(h.Env, Add(h, n + 1)));
                Assert.All(runs, r => Assert.True(r.Code == 0, r.Err));
            }
        });
        var backups = new List<string>();
        for (var b = 1; !writers.IsCompleted || b <= 2; b++)
        {
            var file = Path.Combine(h.Dir, $"backup-{b}.db");
            var (code, stdout, err) = await EngineProcess.RunAsync(h.Env, "backup", "--out", file, "--protocol", h.ProtocolPath);
            Assert.True(code == 0, err);
            output.WriteLine(stdout.Trim());
            backups.Add(file);
        }
        await writers;

        var final = Trail(h.DbPath);
        Assert.Equal(12, Participants(h.DbPath));
        foreach (var file in backups)
        {
            // It opens with the key, verifies, and is a state the database was in: its trail is a prefix of today's.
            using (var store = LiteRecordStore.OpenReadOnly(file, TrialFixture.Key))
                Assert.Empty(store.Read(AuditVerifier.Verify));
            var trail = Trail(file);
            Assert.Equal(final.Take(trail.Count).Select(e => e.Hash), trail.Select(e => e.Hash));
            Assert.Equal(trail.Count(e => e.Action == "participant-add"), Participants(file));
            // Encrypted and owner-only, with no journal or temporary file left beside it.
            var bytes = File.ReadAllBytes(file);
            Assert.Equal(1, bytes[0]);
            Assert.DoesNotContain("spine-rt", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
        output.WriteLine($"{backups.Count} backups, of {string.Join(", ", backups.Select(b => Participants(b)))} participants; the database ended with 12");
        Assert.Empty(Directory.GetFiles(h.Dir, "*.tmp*").Concat(Directory.GetFiles(h.Dir, "*-log*")));

        // An existing file is replaced only with --force.
        var existing = backups[0];
        var before = File.ReadAllBytes(existing);
        Assert.Contains("give --force", h.Refused("backup", "--out", existing));
        Assert.Equal(before, File.ReadAllBytes(existing));
        h.Ok("backup", "--out", existing, "--force");
        Assert.Equal(Participants(h.DbPath), Participants(existing));
        // Only an administrator backs up.
        h.Env["NEWPW"] = "coordinator password";
        h.Ok("user", "add", "--name", "lin", "--role", "coordinator", "--password-env", "NEWPW");
        h.Env["PROTOCOL_ENGINE_USER"] = "lin";
        h.Env["PROTOCOL_ENGINE_PASSWORD"] = "coordinator password";
        Assert.Contains("may not do this", h.Refused("backup", "--out", Path.Combine(h.Dir, "by-lin.db")));
        Assert.False(File.Exists(Path.Combine(h.Dir, "by-lin.db")));
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Restore_checks_the_backup_before_it_replaces_anything_keeps_the_replaced_file_and_is_audited()
    {
        using var h = new CliHarness();
        h.Ok("init");
        h.Env["NEWPW"] = "coordinator password";
        h.Ok("user", "add", "--name", "lin", "--role", "coordinator", "--password-env", "NEWPW");
        h.Ok(Add(h, 1)[..^2]);
        h.Ok(Add(h, 2)[..^2]);
        var backup = Path.Combine(h.Dir, "good.db");
        h.Ok("backup", "--out", backup);
        h.Ok(Add(h, 3)[..^2]);
        var live = Hashes(h.DbPath);

        // Every refusal leaves the database as it was.
        void Refused(string expected, params string[] args)
        {
            var err = h.Refused(["restore", .. args]);
            output.WriteLine(err.Trim());
            Assert.Contains(expected, err);
            Assert.DoesNotContain("   at ", err);
            Assert.Equal(live, Hashes(h.DbPath));
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(h.DbPath)!, "*.tmp*"));
        }
        var damaged = Path.Combine(h.Dir, "damaged.db");
        var bytes = File.ReadAllBytes(backup);
        new Random(5).NextBytes(bytes.AsSpan(8192, 8192));
        File.WriteAllBytes(damaged, bytes);
        Refused("damaged.db", damaged);
        Refused("No file at", Path.Combine(h.Dir, "none.db"));
        var tampered = Path.Combine(h.Dir, "tampered.db");
        File.Copy(backup, tampered);
        using (var store = LiteRecordStore.Open(tampered, TrialFixture.Key))
            store.Write(w => { var p = w.All<Participant>()[0]; w.Replace(p with { Initials = "ZZ" }); return 0; });
        Refused("does not verify", tampered);
        using (var other = new CliHarness(TestProtocols.Spine() with { Id = "other-trial" }))
        {
            other.Ok("init");
            Refused("the database of protocol 'other-trial'", Path.Combine(other.Dir, "data", "other-trial.db"));
        }
        h.Env["PROTOCOL_ENGINE_DB_KEY"] = "another-key-0123456";
        Refused("does not open", backup);
        h.Env["PROTOCOL_ENGINE_DB_KEY"] = TrialFixture.Key;
        h.As("lin", () => { h.Env["PROTOCOL_ENGINE_PASSWORD"] = "coordinator password"; Refused("may not do this", backup); return ""; });
        h.Env["PROTOCOL_ENGINE_PASSWORD"] = TrialFixture.Password;

        // The restore itself, by a real process.
        var backupBytes = File.ReadAllBytes(backup);
        var (code, stdout, stderr) = await EngineProcess.RunAsync(h.Env, "restore", backup, "--protocol", h.ProtocolPath, "--format", "json");
        Assert.True(code == 0, stderr);
        var answer = JsonDocument.Parse(stdout).RootElement;
        var kept = answer.GetProperty("replaced_kept_as").GetString()!;
        Assert.Equal(backupBytes, File.ReadAllBytes(backup));
        Assert.Equal(2, Participants(h.DbPath));
        Assert.Equal(3, Participants(kept));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(h.DbPath));
        var trail = Trail(h.DbPath);
        // The restore's entry, then the administrator's signature of that transaction.
        var restore = trail[^2];
        Assert.Equal(("restore", "admin"), (restore.Action, restore.User));
        Assert.Equal((ProtocolEngine.Engine.Audit.AuditSignature.Action, "admin"), (trail[^1].Action, trail[^1].User));
        Assert.Contains(backup, restore.NewValue);
        Assert.Contains(kept, restore.Reason);
        Assert.Equal(Trail(backup).Select(e => e.Hash), trail.SkipLast(2).Select(e => e.Hash));
        Assert.Contains("Audit trail intact", h.Ok("audit", "verify"));

        // The usual reason to restore: the database is damaged. The backup is where the administrator is proven.
        File.WriteAllBytes(h.DbPath, File.ReadAllBytes(h.DbPath)[..20000]);
        Assert.Contains("not a readable trial database", h.Refused("participant", "list"));
        h.Clock.Now += TimeSpan.FromMinutes(1);
        h.Ok("restore", backup);
        Assert.Equal(2, Participants(h.DbPath));
        Assert.Contains("Audit trail intact", h.Ok("audit", "verify"));
    }
}
