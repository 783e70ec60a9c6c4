using System.Text.Json;
using ProtocolEngine.Cli;
using ProtocolEngine.Tests.Records.Support;

namespace ProtocolEngine.Tests.Records;

/// <summary>`audit show` streams the trail and pages it with --from and --limit; `audit verify` counts what it read.</summary>
public class CliAuditTests
{
    private static CliHarness Trial()
    {
        var h = new CliHarness();
        h.Ok("init");
        foreach (var initials in new[] { "AB", "CD", "EF" })
            h.Ok("participant", "add", "--site", "mch", "--initials", initials, "--birth-year", "1961", "--sex", "female", "--consent-date", "2026-09-07");
        return h;
    }

    private static List<AuditEntry> Entries(string json) => JsonSerializer.Deserialize<List<AuditEntry>>(json, CliJson.Options)!;

    [Fact]
    public void Show_writes_the_whole_trail_as_one_json_array_and_one_line_per_entry_as_before()
    {
        using var h = Trial();
        var json = h.Ok("audit", "show", "--format", "json");
        var entries = Entries(json);
        Assert.Equal(JsonSerializer.Serialize(entries, CliJson.Options) + Environment.NewLine, json);
        var count = JsonDocument.Parse(h.Ok("audit", "verify", "--format", "json")).RootElement.GetProperty("entries").GetInt32();
        Assert.Equal(count, entries.Count);
        var lines = h.Ok("audit", "show").Split(Environment.NewLine);
        Assert.Equal(entries.Count + 1, lines.Length);
        Assert.Equal("", lines[^1]);
        Assert.All(entries.Zip(lines), x => Assert.StartsWith($"{x.First.Sequence}\t", x.Second));
        Assert.Contains($"\t{entries[^2].Action}\tparticipants/mch-003\tnew={entries[^2].NewValue}", lines[^3]);
        Assert.Contains($"\tadmin\tsign\taudit/", lines[^2]);
    }

    [Fact]
    public void From_and_limit_page_the_trail_and_the_participants_part_of_it()
    {
        using var h = Trial();
        var all = Entries(h.Ok("audit", "show", "--format", "json"));
        Assert.Equal([2L, 3], Entries(h.Ok("audit", "show", "--from", "2", "--limit", "2", "--format", "json")).Select(e => e.Sequence));
        Assert.Equal(all.Skip(2).Select(e => e.Sequence), Entries(h.Ok("audit", "show", "--from", "3", "--format", "json")).Select(e => e.Sequence));
        Assert.Equal("[]" + Environment.NewLine, h.Ok("audit", "show", "--from", $"{all[^1].Sequence + 1}", "--format", "json"));
        Assert.Equal(Environment.NewLine, h.Ok("audit", "show", "--limit", "0"));
        var second = all.Where(e => e.ParticipantId == "mch-002").ToList();
        Assert.Equal(second.Select(e => e.Sequence),
            Entries(h.Ok("audit", "show", "--participant", "mch-002", "--from", $"{second[0].Sequence}", "--limit", "100", "--format", "json")).Select(e => e.Sequence));
        Assert.Single(h.Ok("audit", "show", "--participant", "mch-002", "--limit", "1").Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Bad_paging_or_an_unknown_participant_exits_2_and_writes_nothing()
    {
        using var h = Trial();
        Assert.Contains("--from", h.Refused("audit", "show", "--from", "0"));
        Assert.Contains("--limit", h.Refused("audit", "show", "--limit", "-1"));
        var (code, output, error) = h.Run("audit", "show", "--participant", "mch-404", "--format", "json");
        Assert.Equal((2, ""), (code, output));
        Assert.Contains("mch-404", error);
    }
}
