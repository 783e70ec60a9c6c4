using System.Text.Json;
using ProtocolEngine.Tests.Records.Support;

namespace ProtocolEngine.Tests.Records;

public class CliRecordsTests
{
    private static CliHarness Initialized()
    {
        var h = new CliHarness();
        h.Ok("init");
        h.Env["CO_PW"] = "coordinator-pw";
        h.Env["INV_PW"] = "investigator-pw";
        h.Env["MON_PW"] = "monitor-pw-1";
        h.Ok("user", "add", "--name", "coord", "--role", "coordinator", "--password-env", "CO_PW");
        h.Ok("user", "add", "--name", "inv", "--role", "investigator", "--password-env", "INV_PW");
        h.Ok("user", "add", "--name", "mon", "--role", "monitor", "--password-env", "MON_PW");
        return h;
    }

    private static string Screened(CliHarness h)
    {
        var p = JsonDocument.Parse(h.Ok("participant", "add", "--site", "mch", "--initials", "AB", "--birth-year", "1961", "--sex", "female",
            "--consent-date", "2026-09-07", "--format", "json")).RootElement.GetProperty("id").GetString()!;
        var data = h.WriteJson("screen.json", new
        {
            variables = new { age = 64, ecog = 1, primary_tumour = "lung", vertebral_metastases = 2, worst_pain = 7, cord_compression = false },
            criteria = new Dictionary<string, bool> { ["I1"] = true, ["I2"] = true, ["I3"] = true, ["E1"] = false, ["E5"] = false },
        });
        var screened = JsonDocument.Parse(h.Ok("screen", "--participant", p, "--data", data, "--format", "json")).RootElement;
        Assert.Equal("eligible", screened.GetProperty("outcome").GetProperty("status").GetString());
        return p;
    }

    [Fact]
    public void Init_creates_the_database_once_in_data_beside_the_protocol()
    {
        using var h = new CliHarness();
        var json = JsonDocument.Parse(h.Ok("init", "--format", "json")).RootElement;
        Assert.Equal(h.DbPath, json.GetProperty("database").GetString());
        Assert.True(File.Exists(h.DbPath));
        Assert.Contains("already exists", h.Refused("init"));
        h.Env["PROTOCOL_ENGINE_DB"] = Path.Combine(h.Dir, "other.db");
        h.Ok("init");
        Assert.True(File.Exists(Path.Combine(h.Dir, "other.db")));
    }

    [Fact]
    public void Key_problems_exit_2_with_a_message()
    {
        using var h = Initialized();
        h.Env["PROTOCOL_ENGINE_DB_KEY"] = "wrong-key-xyz";
        Assert.Contains("wrong database key", h.Refused("participant", "list"));
        h.Env.Remove("PROTOCOL_ENGINE_DB_KEY");
        Assert.Contains("No database key", h.Refused("participant", "list"));
        var keyFile = Path.Combine(h.Dir, "key.txt");
        File.WriteAllText(keyFile, TrialFixture.Key + "\n");
        h.Ok("participant", "list", "--key-file", keyFile);
        h.Env["PROTOCOL_ENGINE_PASSWORD"] = "not-the-password";
        Assert.Contains("wrong password", h.Refused("participant", "list", "--key-file", keyFile));
    }

    [Fact]
    public void A_participant_goes_through_screening_randomization_treatment_and_follow_up()
    {
        using var h = Initialized();
        var p = Screened(h);
        h.Env["PROTOCOL_ENGINE_PASSWORD"] = "coordinator-pw";
        var rand = JsonDocument.Parse(h.As("coord", () => h.Ok("randomize", "--participant", p, "--format", "json"))).RootElement;
        Assert.Contains(rand.GetProperty("arm_id").GetString(), new[] { "local", "whole" });
        Assert.False(rand.TryGetProperty("list_position", out _));
        Assert.Contains("already randomized", h.As("coord", () => h.Refused("randomize", "--participant", p)));
        Assert.Contains("may not", h.As("coord", () => h.Refused("randomize", "list")));
        h.Env["PROTOCOL_ENGINE_PASSWORD"] = TrialFixture.Password;
        Assert.Contains("site=mch\t1\t", h.Ok("randomize", "list"));
        h.Ok("assess", "--participant", p, "--visit", "baseline", "--date", "2026-09-07", "--pain", "7", "--analgesic", "oxycodone=20", "--analgesic", "tramadol=100");
        var day = new DateOnly(2026, 9, 7);
        for (var n = 0; n < 10; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) continue;
            h.Clock.SetDate(day);
            h.Ok("fraction", "record", "--participant", p, "--date", day.ToString("yyyy-MM-dd"));
            n++;
        }
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(1);
        h.Clock.SetDate(day);
        Assert.Contains("fraction: The course of 10 fractions is complete", h.Refused("fraction", "record", "--participant", p, "--date", day.ToString("yyyy-MM-dd")));
        h.Clock.SetDate(new DateOnly(2026, 10, 2));
        var due = JsonDocument.Parse(h.Ok("visits", "due", "--format", "json")).RootElement;
        Assert.Equal("week2", due.EnumerateArray().Single().GetProperty("visit_id").GetString());
        var a = JsonDocument.Parse(h.Ok("assess", "--participant", p, "--visit", "week2", "--date", "2026-10-02", "--pain", "2", "--format", "json")).RootElement;
        Assert.Equal(0, a.GetProperty("omed_mg").GetDouble());
        h.Ok("ae", "add", "--participant", p, "--term", "Back pain", "--grade", "2", "--onset", "2026-09-20", "--relation", "possible");
        Assert.Contains("grade", h.Refused("ae", "add", "--participant", p, "--term", "Disseminated intravascular coagulation", "--grade", "1", "--onset", "2026-09-20", "--relation", "unrelated"));
        var img = JsonDocument.Parse(h.Ok("imaging", "add", "--participant", p, "--date", "2026-10-02", "--modality", "ct", "--finding", "fracture", "--level", "L1",
            "--sins-pain", "mechanical", "--sins-lesion", "mixed", "--sins-alignment", "normal", "--sins-collapse", "none", "--sins-posterior", "none", "--format", "json")).RootElement;
        Assert.Equal(7, img.GetProperty("sins").GetProperty("total").GetInt32());
        h.Ok("ae", "update", "--id", $"{p}-AE1", "--resolved", "2026-10-01", "--reason", "resolved per phone follow-up");
        h.Ok("withdraw", "--participant", p, "--criterion", "D4", "--date", "2026-10-02", "--note", "moved away");
        Assert.Contains("Audit trail intact", h.As("mon", () => { h.Env["PROTOCOL_ENGINE_PASSWORD"] = "monitor-pw-1"; return h.Ok("audit", "verify"); }));
        var trail = JsonDocument.Parse(h.As("mon", () => h.Ok("audit", "show", "--participant", p, "--format", "json"))).RootElement;
        Assert.Contains(trail.EnumerateArray(), e => e.GetProperty("action").GetString() == "ae-update" && e.GetProperty("reason").GetString() == "resolved per phone follow-up");
    }

    [Fact]
    public void Bad_input_exits_2_naming_the_field_and_writes_nothing()
    {
        using var h = Initialized();
        var p = Screened(h);
        var count = JsonDocument.Parse(h.Ok("audit", "verify", "--format", "json")).RootElement.GetProperty("entries").GetInt32();
        Assert.Contains("participant: No participant 'mch-404'", h.Refused("randomize", "--participant", "mch-404"));
        Assert.DoesNotContain("Did you mean", h.Refused("randomize", "--participant", "mch-404"));
        Assert.Contains($"Did you mean '{p}'?", h.Refused("randomize", "--participant", p.ToUpperInvariant().Replace("-00", "")));
        Assert.DoesNotContain("Did you mean", h.Refused("randomize", "--participant", p[..^1] + "2"));
        Assert.Contains("(did you mean 'baseline'?)", h.Refused("visits", "miss", "--participant", p, "--visit", "baselin", "--reason", "away"));
        Assert.Contains("participant", h.Refused("fraction", "record", "--participant", p, "--date", "2026-09-07"));
        Assert.Contains("--date", h.Refused("fraction", "record", "--participant", p, "--date", "07/09/2026"));
        Assert.Contains("pain", h.Refused("assess", "--participant", p, "--visit", "baseline", "--date", "2026-09-07", "--pain", "12"));
        Assert.Contains("--analgesic", h.Refused("assess", "--participant", p, "--visit", "baseline", "--date", "2026-09-07", "--pain", "3", "--analgesic", "oxycodone"));
        Assert.Contains("site", h.Refused("participant", "add", "--site", "xx", "--initials", "AB", "--birth-year", "1961", "--sex", "female"));
        Assert.Contains("--relation", h.Refused("ae", "add", "--participant", p, "--term", "Nausea", "--grade", "1", "--onset", "2026-09-07", "--relation", "maybe"));
        Assert.Contains("criterion", h.Refused("withdraw", "--participant", p, "--criterion", "D9", "--date", "2026-09-07"));
        h.Ok("randomize", "--participant", p);
        Assert.Contains("before the randomization", h.Refused("ae", "add", "--participant", p, "--term", "Nausea", "--grade", "1", "--onset", "2026-09-01", "--relation", "unlikely"));
        Assert.Contains("monitor", h.As("mon", () => { h.Env["PROTOCOL_ENGINE_PASSWORD"] = "monitor-pw-1"; return h.Refused("withdraw", "--participant", p, "--criterion", "D1", "--date", "2026-09-07"); }));
        h.Env["PROTOCOL_ENGINE_PASSWORD"] = TrialFixture.Password;
        var after = JsonDocument.Parse(h.Ok("audit", "verify", "--format", "json")).RootElement.GetProperty("entries").GetInt32();
        Assert.Equal(count + 3, after); // only the randomization, its status change and the signature of that transaction
    }

    [Fact]
    public void An_edited_protocol_needs_amend_accept_before_new_records()
    {
        using var h = Initialized();
        var amended = TestProtocols.Spine() with { Title = "Amended title" };
        h.WriteProtocol(amended);
        var show = JsonDocument.Parse(h.Ok("amend", "show", "--format", "json")).RootElement;
        Assert.True(show.GetProperty("pending").GetBoolean());
        Assert.Contains("amend accept", h.Refused("participant", "add", "--site", "mch", "--initials", "AB", "--birth-year", "1961", "--sex", "female"));
        h.Env["PROTOCOL_ENGINE_PASSWORD"] = "coordinator-pw";
        Assert.Contains("may not", h.As("coord", () => h.Refused("amend", "accept", "--reason", "EC approval 12")));
        h.Env["PROTOCOL_ENGINE_PASSWORD"] = TrialFixture.Password;
        Assert.Contains("changed /title", h.Ok("amend", "accept", "--reason", "EC approval 12"));
        h.Ok("participant", "add", "--site", "mch", "--initials", "AB", "--birth-year", "1961", "--sex", "female");
    }

    [Fact]
    public void An_edited_rule_script_is_a_new_protocol_version_too()
    {
        using var h = CliHarness.ForSeedProtocol();
        h.Ok("init");
        var script = Path.Combine(h.Dir, "protocols", "chictr1900023401", "scripts", "spine.csx");
        File.AppendAllText(script, "\n// a comment is enough: the script's text is part of the protocol version\n");

        var show = h.Ok("amend", "show");
        Assert.Contains("spine.csx", show);
        Assert.Contains("amend accept", h.Refused("participant", "add", "--site", "mianyang", "--initials", "AB", "--birth-year", "1961", "--sex", "female"));
        h.Ok("amend", "accept", "--reason", "script comment");
        h.Ok("participant", "add", "--site", "mianyang", "--initials", "AB", "--birth-year", "1961", "--sex", "female");
    }

    [Fact]
    public void A_database_of_another_protocol_exits_2()
    {
        using var h = Initialized();
        h.WriteProtocol(TestProtocols.Spine() with { Id = "other" });
        h.Env["PROTOCOL_ENGINE_DB"] = h.DbPath;
        Assert.Contains("belongs to protocol 'spine-rt'", h.Refused("participant", "list"));
    }

    [Fact]
    public void A_corrupt_database_exits_2_and_stays_as_it_was()
    {
        using var h = Initialized();
        var bytes = File.ReadAllBytes(h.DbPath);
        Array.Fill(bytes, (byte)0x5A, 0, 4096);
        File.WriteAllBytes(h.DbPath, bytes);
        var files = Directory.GetFiles(Path.GetDirectoryName(h.DbPath)!).Order().ToList();
        Assert.Contains("not a readable trial database", h.Refused("participant", "list"));
        Assert.Equal(bytes, File.ReadAllBytes(h.DbPath));
        Assert.Equal(files, Directory.GetFiles(Path.GetDirectoryName(h.DbPath)!).Order());
    }

    [Fact]
    public void Audit_verify_exits_2_when_the_trail_was_edited()
    {
        using var h = Initialized();
        Screened(h);
        Assert.Contains("intact", h.Ok("audit", "verify"));
        using (var db = new LiteDB.LiteDatabase(new LiteDB.ConnectionString { Filename = h.DbPath, Password = TrialFixture.Key }))
            ProtocolEngine.Tests.Storage.LiteTamper.RewriteAudit(db, entries => entries.Select(e => e.Sequence != 6 ? e : (e.Sequence, e.Json.Replace("\"action\":\"", "\"action\":\"x"))));
        var (code, output, _) = h.Run("audit", "verify", "--format", "json");
        Assert.Equal(2, code);
        var result = JsonDocument.Parse(output).RootElement;
        Assert.False(result.GetProperty("intact").GetBoolean());
        Assert.Contains(result.GetProperty("problems").EnumerateArray(), p => p.GetProperty("sequence").GetInt64() == 6);
    }
}
