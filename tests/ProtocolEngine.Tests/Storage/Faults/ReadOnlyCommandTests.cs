using System.Diagnostics;
using LiteDB;
using ProtocolEngine.Tests.Records.Support;
using Xunit.Abstractions;
using static ProtocolEngine.Tests.Storage.Faults.StoreFileState;

namespace ProtocolEngine.Tests.Storage.Faults;

/// <summary>
/// Issue 11, point 7: read-only commands never write to the database, healthy or damaged (SHA-256 of the file and of
/// its journal, and the folder's listing, before and after), and a damaged or unreadable file gets a clear message
/// naming it and exit 2, never an internal error or a stack trace. Real processes for the healthy file, for each kind
/// of damage and for a file without permission; every command against every damage in process.
/// </summary>
public sealed class ReadOnlyCommandTests(ReadOnlyDatabase db, ITestOutputHelper output) : IClassFixture<ReadOnlyDatabase>
{
    private CliHarness H => db.Harness;

    public static TheoryData<string> Damages() =>
        ["truncated-mid-page", "truncated-whole-pages", "header-page-scrambled", "a-byte-flipped-in-every-page", "foreign-plain-litedb",
         "foreign-litedb-same-key", "zero-length", "a-folder"];

    /// <summary>A copy of the demo database in a folder of its own, damaged as <paramref name="damage"/> says.</summary>
    private string Damaged(string damage)
    {
        var dir = Path.Combine(H.Dir, "damaged-" + damage + "-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "trial.db");
        var bytes = File.ReadAllBytes(H.DbPath);
        const int page = 8192;
        switch (damage)
        {
            case "truncated-mid-page":
                File.WriteAllBytes(path, bytes[..(bytes.Length / 2 + 1000)]);
                break;
            case "truncated-whole-pages":
                File.WriteAllBytes(path, bytes[..(bytes.Length / 2 / page * page)]);
                break;
            case "header-page-scrambled":
                new Random(11).NextBytes(bytes.AsSpan(page, page));
                File.WriteAllBytes(path, bytes);
                break;
            case "a-byte-flipped-in-every-page":
                for (var at = 2 * page + 5; at < bytes.Length; at += page) bytes[at] ^= 0x5A;
                File.WriteAllBytes(path, bytes);
                break;
            case "foreign-plain-litedb":
                using (var foreign = new LiteDatabase(new ConnectionString { Filename = path }))
                    foreign.GetCollection("people").Insert(new BsonDocument { ["_id"] = 1, ["name"] = "not a trial" });
                break;
            case "foreign-litedb-same-key":
                using (var foreign = new LiteDatabase(new ConnectionString { Filename = path, Password = TrialFixture.Key }))
                    foreign.GetCollection("people").Insert(new BsonDocument { ["_id"] = 1, ["name"] = "not a trial" });
                break;
            case "zero-length":
                File.WriteAllBytes(path, []);
                break;
            case "a-folder":
                Directory.CreateDirectory(path);
                break;
            default:
                throw new ArgumentException(damage);
        }
        return path;
    }

    private static void AssertClearRefusal(string path, int code, string err, string what)
    {
        Assert.True(code == 2, $"{what}: expected exit 2, got {code}: {err}");
        Assert.Contains(path, err);
        Assert.DoesNotContain("internal error", err);
        Assert.DoesNotContain("   at ", err);
    }

    [Fact]
    public async Task Read_only_commands_leave_a_healthy_file_byte_identical()
    {
        var before = Hashes(H.DbPath);
        var outDir = Directory.CreateDirectory(Path.Combine(H.Dir, "out-healthy")).FullName;
        foreach (var command in db.Commands(outDir))
        {
            var (code, _, err) = await EngineProcess.RunAsync(H.Env, [.. command, "--protocol", H.ProtocolPath]);
            Assert.True(code == 0, $"{string.Join(' ', command)}: exit {code}: {err}");
            Assert.Equal(before, Hashes(H.DbPath));
        }
    }

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task A_damaged_file_gets_a_message_naming_it_and_exit_2_and_is_never_written(string damage)
    {
        var path = Damaged(damage);
        var before = Hashes(path);
        var outDir = Directory.CreateDirectory(Path.Combine(H.Dir, "out-" + damage)).FullName;

        // A real process first ...
        var (code, _, err) = await EngineProcess.RunAsync(H.Env, "audit", "verify", "--protocol", H.ProtocolPath, "--db", path);
        output.WriteLine($"{damage}: {err.Trim()}");
        AssertClearRefusal(path, code, err, "audit verify (a real process)");
        Assert.Equal(before, Hashes(path));

        // ... then every read-only command in process. A file cut at a page boundary still has its first half whole: a
        // command that reads only pages there may answer (audit verify, above, reads them all and refuses).
        var answered = 0;
        foreach (var command in db.Commands(outDir))
        {
            var run = H.Run([.. command, "--db", path]);
            if (damage == "truncated-whole-pages" && run.Code == 0) answered++;
            else AssertClearRefusal(path, run.Code, run.Err, string.Join(' ', command));
            Assert.Equal(before, Hashes(path));
        }
        output.WriteLine($"{answered} of {db.Commands(outDir).Length} commands read only whole pages and answered");
    }

    [RootFact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task A_file_its_user_may_not_read_gets_permission_denied_naming_it_and_is_not_changed()
    {
        var dir = Path.Combine(H.Dir, "no-permission");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "trial.db");
        File.Copy(H.DbPath, path);
        File.SetUnixFileMode(path, UnixFileMode.None);
        var before = Hashes(path);

        // Root reads any file; without the capabilities that let it (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH) it is held
        // to the file's mode like any user.
        var info = new ProcessStartInfo("setpriv") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "--bounding-set", "-dac_override,-dac_read_search", Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
                     EngineProcess.Dll, "audit", "verify", "--protocol", H.ProtocolPath, "--db", path })
            info.ArgumentList.Add(a);
        foreach (var (k, v) in H.Env) info.Environment[k] = v;
        using var p = Process.Start(info)!;
        var err = p.StandardError.ReadToEndAsync();
        await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        output.WriteLine(await err);

        AssertClearRefusal(path, p.ExitCode, await err, "audit verify without permission");
        Assert.Contains("permission denied", await err);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.Equal(before, Hashes(path));
    }
}
