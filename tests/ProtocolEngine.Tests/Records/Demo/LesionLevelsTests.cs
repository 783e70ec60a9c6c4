using System.Text.Json;
using ProtocolEngine.Engine.Demo.Population;

namespace ProtocolEngine.Tests.Records.Demo;

public class LesionLevelsTests
{
    private static readonly string[] Codes = [.. Enumerable.Range(1, 7).Select(i => $"C{i}"), .. Enumerable.Range(1, 12).Select(i => $"T{i}"),
        .. Enumerable.Range(1, 5).Select(i => $"L{i}"), .. Enumerable.Range(1, 5).Select(i => $"S{i}")];

    private static readonly LesionDistribution Spine = new()
    {
        Variable = "lesions", Level = "level", Treated = "treated", Codes = Codes,
        Regions =
        [
            Region("cervical", "C1", "C7", 10), Region("thoracic", "T1", "T12", 65), Region("lumbar", "L1", "L5", 22), Region("sacral", "S1", "S5", 3),
        ],
    };

    [Fact]
    public void Sites_move_whole_so_adjacent_lesions_stay_adjacent_and_separate_sites_separate()
    {
        var template = Lesions(("T11", true), ("T12", true), ("L3", false));
        var random = new Random(11);
        var moved = 0;
        for (var i = 0; i < 500; i++)
        {
            var drawn = LesionLevels.Redraw(template, Spine, random).EnumerateArray().Select(l => (Level: Array.IndexOf(Codes, l.GetProperty("level").GetString()), Treated: l.GetProperty("treated").GetBoolean())).ToList();
            Assert.Equal([true, true, false], drawn.Select(l => l.Treated));
            Assert.Equal(drawn[0].Level + 1, drawn[1].Level);
            Assert.True(Math.Abs(drawn[2].Level - drawn[1].Level) > 1 && Math.Abs(drawn[2].Level - drawn[0].Level) > 1, "the third lesion touches the first site");
            if (drawn[0].Level != Array.IndexOf(Codes, "T11")) moved++;
        }
        Assert.True(moved > 400);
    }

    [Fact]
    public void Treated_levels_follow_the_region_weights()
    {
        var template = Lesions(("L3", true));
        var random = new Random(5);
        var regions = Enumerable.Range(0, 4000).Select(_ => LesionLevels.Treated(LesionLevels.Redraw(template, Spine, random), Spine).Single()[0]).ToList();
        double Share(char region) => (double)regions.Count(r => r == region) / regions.Count;
        Assert.InRange(Share('T'), 0.62, 0.68);
        Assert.InRange(Share('L'), 0.19, 0.25);
        Assert.InRange(Share('C'), 0.08, 0.12);
        Assert.InRange(Share('S'), 0.02, 0.04);
    }

    [Fact]
    public void A_site_with_no_room_in_the_regions_and_levels_outside_the_code_list_are_kept()
    {
        var wide = Lesions([.. Codes.Take(15).Select(c => (c, true))]);
        var odd = Lesions(("X9", true));
        var random = new Random(1);
        Assert.Equal(wide.GetRawText(), LesionLevels.Redraw(wide, Spine with { Regions = [Region("thoracic", "T1", "T12", 1)] }, random).GetRawText());
        Assert.Equal(odd.GetRawText(), LesionLevels.Redraw(odd, Spine, random).GetRawText());
    }

    [Fact]
    public void Treated_levels_are_those_marked_treated_or_every_level_when_none_is()
    {
        Assert.Equal(["T4", "T5"], LesionLevels.Treated(Lesions(("T4", true), ("T5", true), ("L2", false)), Spine));
        Assert.Equal(["T4", "L2"], LesionLevels.Treated(Lesions(("T4", false), ("L2", false)), Spine));
        Assert.Equal(["T4", "L2"], LesionLevels.Treated(Lesions(("T4", false), ("L2", true)), Spine with { Treated = null }));
    }

    private static LevelRegion Region(string name, string from, string to, double weight) => new()
    {
        Name = name, From = from, To = to, Weight = weight, FromIndex = Array.IndexOf(Codes, from), ToIndex = Array.IndexOf(Codes, to),
    };

    private static JsonElement Lesions(params (string Level, bool Treated)[] lesions) =>
        JsonSerializer.SerializeToElement(lesions.Select(l => new Dictionary<string, object> { ["level"] = l.Level, ["sectors"] = new[] { 1 }, ["treated"] = l.Treated }));
}
