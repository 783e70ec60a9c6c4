using ProtocolEngine.Engine.Plugins;

namespace ProtocolEngine.Tests.Plugins;

public class ContractVersionCheckTests
{
    [Theory]
    [InlineData("1.0")]
    [InlineData("1.7")]
    public void Accepts_the_same_major_version(string declared) => Assert.Null(ContractVersionCheck.Problem(declared, "1.3"));

    [Fact]
    public void Refuses_another_major_version_naming_found_and_required()
    {
        Assert.Equal("built against contract version 2.1, but this host requires contract version 1.x (it has 1.3); rebuild the plugin against ProtocolEngine.Contracts 1.3",
            ContractVersionCheck.Problem("2.1", "1.3"));
    }

    [Theory]
    [InlineData(null, "does not say which contract version")]
    [InlineData("v1", "is not of the form major.minor")]
    [InlineData("", "is not of the form major.minor")]
    public void Refuses_a_missing_or_malformed_version(string? declared, string part) =>
        Assert.Contains(part, ContractVersionCheck.Problem(declared, "1.0"), StringComparison.Ordinal);
}
