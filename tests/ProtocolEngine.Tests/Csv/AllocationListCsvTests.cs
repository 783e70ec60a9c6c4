using ProtocolEngine.Csv;

namespace ProtocolEngine.Tests.Csv;

public class AllocationListCsvTests
{
    [Fact]
    public void Writes_a_header_empty_block_fields_and_quotes_fields_that_need_it()
    {
        var csv = new StringWriter();
        AllocationListCsv.Write(csv, [new(1, "site=a", 1, 2, "study"), new(2, "all", null, null, "arm \"x\", late")]);
        Assert.Equal("sequence,stratum,block_id,block_size,arm\n1,site=a,1,2,study\n2,all,,,\"arm \"\"x\"\", late\"\n", csv.ToString());
    }
}
