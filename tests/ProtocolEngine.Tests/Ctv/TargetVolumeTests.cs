using System.Text.Json;
using ProtocolEngine.Tests.Records.Support;

namespace ProtocolEngine.Tests.Ctv;

/// <summary>
/// A participant of the seed trial screened with the protocol's eligible example (T11 sector 1 focal, T12 sectors
/// 1-2, both painful; L3 not painful) and randomized through the command line: one target volume per painful lesion,
/// its sectors as the ISRC table gives them (study arm) or the whole vertebra (control arm), shown by `randomize`
/// and `participant show`, and in the audit trail.
/// </summary>
public sealed class TargetVolumeTests
{
    private static (CliHarness H, string Id, string Arm) Randomized()
    {
        var h = CliHarness.ForSeedProtocol();
        h.Clock.SetDate(new DateOnly(2021, 6, 1));
        h.Ok("init");
        h.Ok("randomization", "seal", "--block-sizes", "2,4"); // the seed protocol states only the method
        var (id, arm) = Next(h);
        return (h, id, arm);
    }

    private static (string Id, string Arm) Next(CliHarness h)
    {
        var id = JsonDocument.Parse(h.Ok("participant", "add", "--site", "mianyang", "--initials", "AB", "--birth-date", "1966-01-01", "--sex", "female",
            "--consent-date", "2021-06-01", "--format", "json")).RootElement.GetProperty("id").GetString()!;
        var eligible = Path.Combine(ProtocolEngine.Tests.Support.RepoPaths.Root, "protocols", "chictr1900023401", "participants", "eligible.json");
        h.Ok("screen", "--participant", id, "--data", eligible);
        var json = JsonDocument.Parse(h.Ok("randomize", "--participant", id, "--format", "json")).RootElement;
        Assert.Equal(2, json.GetProperty("target_volumes").GetArrayLength());
        return (id, json.GetProperty("arm_id").GetString()!);
    }

    [Fact]
    public void Randomization_records_each_painful_lesions_target_volume_from_the_arms_policy()
    {
        var (h, first, firstArm) = Randomized();
        using var _ = h;
        // Blocks of 2 or 4 per site: the first four participants include both arms.
        var seen = new Dictionary<string, string> { [firstArm] = first };
        for (var i = 0; i < 3 && seen.Count < 2; i++)
        {
            var (id, arm) = Next(h);
            seen.TryAdd(arm, id);
        }
        Assert.Equal(["isrc", "whole"], seen.Keys.Order());
        foreach (var (arm, id) in seen)
            Check(h, id, arm);
    }

    private static void Check(CliHarness h, string id, string arm)
    {
        var shown = JsonDocument.Parse(h.Ok("participant", "show", "--participant", id, "--format", "json")).RootElement;
        Assert.Equal(arm, shown.GetProperty("arm_id").GetString());
        var volumes = shown.GetProperty("target_volumes").EnumerateArray().ToList();
        Assert.Equal(["T11", "T12"], volumes.Select(v => v.GetProperty("level").GetString()));
        static int[] Ints(JsonElement v, string name) => [.. v.GetProperty(name).EnumerateArray().Select(x => x.GetInt32())];
        if (arm == "isrc")
        {
            // ISRC table: a portion of the body -> 1; body and a unilateral (left) pedicle -> 1, 2, 3 (DOMAIN.md).
            Assert.Equal([1], Ints(volumes[0], "ctv_sectors"));
            Assert.Equal("vb-focal", volumes[0].GetProperty("rule").GetString());
            Assert.Equal([1, 2, 3], Ints(volumes[1], "ctv_sectors"));
            Assert.Equal("vb-unilateral-pedicle", volumes[1].GetProperty("rule").GetString());
        }
        else
        {
            Assert.All(volumes, v => Assert.Equal([1, 2, 3, 4, 5, 6], Ints(v, "ctv_sectors")));
        }
        Assert.All(volumes, v => Assert.Equal(0.3, v.GetProperty("ptv_margin_cm").GetDouble()));
        Assert.Contains("Target volumes:", h.Ok("participant", "show", "--participant", id));
        var audit = h.Ok("audit", "show", "--participant", id, "--format", "json");
        Assert.Equal(2, audit.Split("define-target-volume").Length - 1);
        Assert.Contains("Audit trail intact", h.Ok("audit", "verify"));
    }

    [Fact]
    public void A_plan_over_the_cord_constraint_is_flagged_and_shown_on_the_participant()
    {
        var (h, id, _) = Randomized();
        using var __ = h;
        // 30 Gy Dmax in 10 fractions at a/b 2: EQD2 37.5 Gy, under the 54 Gy limit.
        var ok = JsonDocument.Parse(h.Ok("plan", "record", "--participant", id, "--structure", "spinal-cord", "--dmax-gy", "30", "--format", "json")).RootElement;
        Assert.Equal((37.5, false), (ok.GetProperty("compared_gy").GetDouble(), ok.GetProperty("violation").GetBoolean()));
        Assert.Contains("--reason", h.Refused("plan", "record", "--participant", id, "--structure", "spinal-cord", "--dmax-gy", "40"));
        // 40 Gy in 10: EQD2 40 (4 + 2) / 4 = 60 Gy > 54 Gy.
        Assert.Contains("VIOLATION", h.Ok("plan", "record", "--participant", id, "--structure", "spinal-cord", "--dmax-gy", "40", "--reason", "replanned"));
        Assert.Contains("not an organ at risk", h.Refused("plan", "record", "--participant", id, "--structure", "liver", "--dmax-gy", "10"));
        var shown = JsonDocument.Parse(h.Ok("participant", "show", "--participant", id, "--format", "json")).RootElement;
        Assert.Equal(1, shown.GetProperty("plan_violations").GetInt32());
        Assert.Contains("VIOLATION", h.Ok("participant", "show", "--participant", id));
        h.Env["MON_PW"] = "monitor-password-1";
        h.Ok("user", "add", "--name", "mon", "--role", "monitor", "--password-env", "MON_PW");
        h.Env["PROTOCOL_ENGINE_PASSWORD"] = "monitor-password-1";
        Assert.Contains("may not do this", h.As("mon", () => h.Refused("plan", "record", "--participant", id, "--structure", "cauda-equina", "--dmax-gy", "10")));
        h.Env["PROTOCOL_ENGINE_PASSWORD"] = TrialFixture.Password;
        Assert.Contains("Audit trail intact", h.Ok("audit", "verify"));
    }
}
