using ProtocolEngine.Engine.Dose;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Ctv;

/// <summary>
/// Linear-quadratic figures against hand computation: BED = n d (1 + d/(a/b)), EQD2 = BED / (1 + 2/(a/b))
/// (Fowler, Br J Radiol 1989;62:679-94; DOMAIN.md "Radiobiology"). 30 Gy/10: d = 3 Gy.
/// </summary>
public sealed class DoseTests
{
    [Theory]
    [InlineData(10, 39, 32.5)]   // 30 (1 + 3/10) = 39; 39 / 1.2 = 32.5
    [InlineData(3, 60, 36)]      // 30 (1 + 3/3) = 60; 60 / (5/3) = 36
    [InlineData(2, 75, 37.5)]    // 30 (1 + 3/2) = 75; 75 / 2 = 37.5
    public void The_prescription_at_each_alpha_beta(double alphaBeta, double bed, double eqd2)
    {
        var s = DoseSchedule.Of(30, 10, alphaBeta);
        Assert.Equal(bed, s.Bed, 9);
        Assert.Equal(eqd2, s.Eqd2, 9);
    }

    [Fact]
    public void The_dose_command_prints_bed_and_eqd2_as_json()
    {
        var run = CliRun.Of("dose", "--total-gy", "30", "--fractions", "10", "--alpha-beta", "10", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(run.Out);
        Assert.Equal((39, 32.5), (json.RootElement.GetProperty("bed").GetDouble(), json.RootElement.GetProperty("eqd2").GetDouble()));
        // 8 Gy x 1 at a/b 10: 8 (1 + 0.8) = 14.4; 14.4 / 1.2 = 12.
        using var single = System.Text.Json.JsonDocument.Parse(CliRun.Of("dose", "--total-gy", "8", "--fractions", "1", "--alpha-beta", "10", "--format", "json").Out);
        Assert.Equal(12, single.RootElement.GetProperty("eqd2").GetDouble(), 9);
        Assert.Equal(2, CliRun.Of("dose", "--total-gy", "30", "--fractions", "0", "--alpha-beta", "10").ExitCode);
        Assert.Equal(2, CliRun.Of("dose", "--total-gy", "30", "--fractions", "10", "--alpha-beta", "-1").ExitCode);
    }

    [Fact]
    public void A_cord_dmax_is_compared_as_eqd2_at_the_cords_alpha_beta()
    {
        var cord = new OrganConstraint { Structure = "spinal-cord", Label = "Spinal cord", DmaxGy = 54, AlphaBetaGy = 2, Source = "QUANTEC" };
        // 30 Gy in 10 at a/b 2: 30 (3 + 2) / 4 = 37.5 Gy EQD2, under 54.
        Assert.Equal(37.5, PlanService.Compared(cord, 30, 10), 9);
        // 40 Gy in 10: 40 (4 + 2) / 4 = 60 Gy EQD2, over 54.
        Assert.Equal(60, PlanService.Compared(cord, 40, 10), 9);
        Assert.Equal(40, PlanService.Compared(cord with { AlphaBetaGy = null }, 40, 10), 9);
    }
}
