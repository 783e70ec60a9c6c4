using ProtocolEngine.Cli;
using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Ctv;

/// <summary>
/// The Ctv plugin, loaded from plugins/ like any plugin, applying protocol.yaml's ISRC table. Expectations are the
/// consensus rows as ../shared/DOMAIN.md gives them (Cox et al., IJROBP 2012;83(5):e597-605; recollections of its
/// table and Brainlab SmartBrush's rules), and, on the rows where those sources disagree, the protocol's stated
/// reading: what both sources require is required, what only one adds is optional.
/// </summary>
public sealed class IsrcConsensusTests
{
    private static readonly Protocol Seed = LoadSeed();
    private static readonly Arm Study = Seed.Arms.Single(a => a.Role == ArmRole.Experimental);
    private static readonly Arm Control = Seed.Arms.Single(a => a.Role == ArmRole.Control);

    private static Protocol LoadSeed()
    {
        var result = Edges.Engine.Validation.Run(RepoPaths.SeedProtocol);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result.Document!.Protocol;
    }

    private static CtvSelection Select(Arm arm, int[] sectors, VertebralBodyExtent? extent = null, bool epidural = false) =>
        new PluginCtvSelector(Seed, HostPlugins.Loaded).Select(arm, new CtvLesion("T10", sectors, extent, epidural));

    private static void Row(CtvSelection s, int[] required, int[] optional, string rule, bool circumferential = false)
    {
        Assert.Equal(required, s.Sectors);
        Assert.Equal(optional, s.OptionalSectors);
        Assert.Equal(rule, s.MatchedRow);
        Assert.Equal(circumferential, s.Circumferential);
        Assert.Equal(0.3, s.PtvMarginCm); // Seed Methods: PTV = CTV + 0.3 cm.
    }

    // DOMAIN.md: "any portion of the vertebral body -> 1".
    [Fact]
    public void Any_portion_of_the_body_is_sector_1() => Row(Select(Study, [1], VertebralBodyExtent.Focal), [1], [], "vb-focal");

    // DOMAIN.md: "lateralized within the vertebral body -> 1, ipsilateral pedicle (± transverse process)", left 2/3, right 6/5.
    [Fact]
    public void A_lateralized_body_adds_the_ipsilateral_pedicle_and_mirrors_left_to_right()
    {
        Row(Select(Study, [1], VertebralBodyExtent.Left), [1, 2], [3], "vb-lateralized");
        Row(Select(Study, [1], VertebralBodyExtent.Right), [1, 6], [5], "vb-lateralized (mirrored)");
    }

    // DOMAIN.md: "diffusely the vertebral body -> 1, 2, 6".
    [Fact]
    public void A_diffuse_body_adds_both_pedicles() => Row(Select(Study, [1], VertebralBodyExtent.Diffuse), [1, 2, 6], [], "vb-diffuse");

    // DOMAIN.md: "vertebral body and unilateral pedicle -> 1, pedicle, ipsilateral transverse process/lamina" (both sources agree).
    [Theory]
    [InlineData(VertebralBodyExtent.Focal)]
    [InlineData(VertebralBodyExtent.Diffuse)]
    [InlineData(null)]
    public void Body_and_one_pedicle_add_the_ipsilateral_lamina_whatever_the_extent(VertebralBodyExtent? extent)
    {
        Row(Select(Study, [1, 2], extent), [1, 2, 3], [], "vb-unilateral-pedicle");
        Row(Select(Study, [1, 6], extent), [1, 5, 6], [], "vb-unilateral-pedicle (mirrored)");
    }

    // DOMAIN.md: recollection 1, 2, 3, 5, 6; Brainlab 1-6. Protocol reading: 1, 2, 3, 5, 6 required, 4 optional.
    [Theory]
    [InlineData(new[] { 1, 2, 6 })]
    [InlineData(new[] { 1, 3, 5 })]
    [InlineData(new[] { 1, 2, 3, 5, 6 })]
    public void Body_and_both_sides_take_both_sides_with_the_spinous_process_optional(int[] gtv) =>
        Row(Select(Study, gtv), [1, 2, 3, 5, 6], [4], "vb-bilateral");

    // Seed Introduction: "If the spinous processes, lamina / bilateral pedicle and vertebral body are affected ... the
    // circumferential TVs around the spinal cord should be used".
    [Theory]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6 })]
    [InlineData(new[] { 1, 2, 4, 6 })]
    [InlineData(new[] { 1, 3, 4, 5 })]
    public void Body_both_sides_and_spinous_process_is_a_circumferential_ring(int[] gtv) =>
        Row(Select(Study, gtv), [1, 2, 3, 4, 5, 6], [], "vb-posterior-ring", circumferential: true);

    // DOMAIN.md: recollection "pedicle, ±1, ±ipsilateral TP/lamina"; Brainlab "pedicle and ipsilateral TP/lamina". Reading: 2 required, 1 and 3 optional.
    [Fact]
    public void A_unilateral_pedicle_is_the_pedicle_with_body_and_lamina_optional()
    {
        Row(Select(Study, [2]), [2], [1, 3], "unilateral-pedicle");
        Row(Select(Study, [6]), [6], [1, 5], "unilateral-pedicle (mirrored)");
    }

    // DOMAIN.md: recollection "lamina, ±ipsilateral pedicle, ±4"; Brainlab "lamina, ipsilateral pedicle, spinous process". Reading: 3 required, 2 and 4 optional.
    [Fact]
    public void A_unilateral_lamina_is_the_lamina_with_pedicle_and_spinous_process_optional()
    {
        Row(Select(Study, [3]), [3], [2, 4], "unilateral-lamina");
        Row(Select(Study, [5]), [5], [4, 6], "unilateral-lamina (mirrored)");
    }

    // DOMAIN.md: "spinous process -> 3, 4, 5" (both sources agree).
    [Fact]
    public void The_spinous_process_adds_both_laminae() => Row(Select(Study, [4]), [3, 4, 5], [], "spinous-process");

    // The protocol's combine_parts reading: a GTV no row describes is covered by the rows of its largest parts, CTVs joined.
    [Fact]
    public void A_pattern_no_row_describes_is_covered_part_by_part()
    {
        // Left pedicle (2; ±1, ±3) + spinous process (3, 4, 5): 3 is required by the spinous row, so only 1 stays optional.
        Row(Select(Study, [2, 4]), [2, 3, 4, 5], [1], "unilateral-pedicle + spinous-process");
        // Body and left pedicle (1, 2, 3) + left lamina (3; ±2, ±4): the pedicle row is part of the larger body-and-pedicle part.
        Row(Select(Study, [1, 2, 3]), [1, 2, 3], [4], "vb-unilateral-pedicle + unilateral-lamina");
    }

    [Fact]
    public void The_control_arm_treats_all_six_sectors_around_the_cord()
    {
        var s = Select(Control, [2], epidural: true);
        Assert.Equal([1, 2, 3, 4, 5, 6], s.Sectors);
        Assert.Empty(s.OptionalSectors);
        Assert.Null(s.MatchedRow);
        Assert.True(s.Circumferential);
        Assert.True(s.Epidural);
    }

    // Cox 2012 as DOMAIN.md gives it: "no epidural CTV expansion without epidural disease".
    [Fact]
    public void Epidural_disease_is_included_only_when_present()
    {
        var with = Select(Study, [1, 2], epidural: true);
        var without = Select(Study, [1, 2]);
        Assert.True(with.Epidural);
        Assert.False(without.Epidural);
        Assert.Equal(without.Sectors, with.Sectors);
        Assert.Contains("epidural disease is included", with.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_body_alone_without_its_extent_is_refused_saying_what_to_give()
    {
        var ex = Assert.Throws<ArgumentException>(() => Select(Study, [1]));
        Assert.Contains("where within the vertebral body", ex.Message, StringComparison.Ordinal);
        Assert.Contains("focal, left, right or diffuse", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 0 }, "0 is not an ISRC sector")]
    [InlineData(new[] { 1, 7 }, "7 is not an ISRC sector")]
    [InlineData(new int[0], "no sector is given")]
    public void Sectors_outside_1_to_6_are_refused(int[] sectors, string message) =>
        Assert.Contains(message, Assert.Throws<ArgumentException>(() => Select(Study, sectors, VertebralBodyExtent.Focal)).Message, StringComparison.Ordinal);

    [Fact]
    public void An_unknown_policy_or_a_missing_table_is_refused()
    {
        var plugin = HostPlugins.Loaded.Find<ICtvSelectionPlugin>("Ctv")!;
        Assert.Equal(["isrc-consensus", "whole-vertebra"], plugin.Policies);
        Assert.Contains("'partial' is unknown", Assert.Throws<ArgumentException>(() => plugin.Select(new CtvSelectionRequest { Policy = "partial", InvolvedSectors = [1] })).Message, StringComparison.Ordinal);
        Assert.Contains("needs the protocol's ISRC table", Assert.Throws<ArgumentException>(() => plugin.Select(new CtvSelectionRequest { Policy = "isrc-consensus", InvolvedSectors = [4] })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_that_does_not_combine_parts_refuses_a_pattern_it_lacks()
    {
        var plugin = HostPlugins.Loaded.Find<ICtvSelectionPlugin>("Ctv")!;
        var table = PluginCtvSelector.Table(Seed.CtvTables.Single()) with { CombineParts = false };
        var ex = Assert.Throws<ArgumentException>(() => plugin.Select(new CtvSelectionRequest { Policy = "isrc-consensus", InvolvedSectors = [2, 4], Table = table }));
        Assert.Contains("no row of the table describes a GTV in sector(s) 2, 4", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_disputed_row_states_the_protocols_reading()
    {
        var rows = Seed.CtvTables.Single().Rows.ToDictionary(r => r.Id);
        foreach (var id in new[] { "vb-bilateral", "unilateral-pedicle", "unilateral-lamina" })
            Assert.StartsWith("Reading:", rows[id].Reading);
        Assert.Contains("Cox", Seed.CtvTables.Single().Source, StringComparison.Ordinal);
    }
}
