using ProtocolEngine.Csv;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Randomization;

public class GoldenListTests
{
    [Theory]
    [MemberData(nameof(GoldenLists.All), MemberType = typeof(GoldenLists))]
    public void The_same_seed_gives_the_committed_list_byte_for_byte(GoldenLists.Case golden)
    {
        var list = HostPlugins.Randomizer.GenerateList(golden.Settings, golden.Strata, golden.Count);
        var csv = new StringWriter();
        AllocationListCsv.Write(csv, list);
        Assert.Equal(File.ReadAllBytes(golden.Path), System.Text.Encoding.UTF8.GetBytes(csv.ToString()));
    }
}
