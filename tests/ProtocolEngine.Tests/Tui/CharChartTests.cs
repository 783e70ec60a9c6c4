using ProtocolEngine.Tui.Text;

namespace ProtocolEngine.Tests.Tui;

public sealed class CharChartTests
{
    [Theory]
    [InlineData(0, 33, 10, "··········")]
    [InlineData(33, 33, 10, "██████████")]
    [InlineData(10, 20, 10, "█████·····")]
    [InlineData(50, 20, 4, "████")]
    public void A_bar_fills_the_share_of_its_maximum(int value, int max, int width, string bar) =>
        Assert.Equal(bar, CharChart.Bar(value, max, width));

    [Fact]
    public void Columns_rise_with_the_values_against_the_target()
    {
        var rows = CharChart.Columns([0, 1, 33, 66], 2, 10, 66);
        Assert.Equal(["  66 │   █", "   0 │ ▁██"], rows);
    }
}
