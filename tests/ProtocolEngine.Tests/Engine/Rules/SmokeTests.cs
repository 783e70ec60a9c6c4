using ProtocolEngine.Engine.Rules;
using ProtocolEngine.Engine.Validation;

namespace ProtocolEngine.Tests.Engine.Rules;

public class SmokeTests
{
    [Fact]
    public void Seed_protocol_compiles()
    {
        using var opened = ProtocolValidation.Open(TestPaths.SeedProtocol, rules: new RuleOptions { UseCache = false });
        Assert.Empty(opened.Load.Diagnostics.Select(d => d.ToString()));
        Assert.NotNull(opened.Rules);
    }
}
