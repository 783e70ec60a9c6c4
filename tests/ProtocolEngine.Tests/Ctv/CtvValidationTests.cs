using ProtocolEngine.Cli;
using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Validation;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Ctv;

/// <summary>A CTV policy is checked against the policies the arm's plugin says it knows, when the plugins are loaded.</summary>
public sealed class CtvValidationTests
{
    [Fact]
    public void A_policy_the_plugin_does_not_know_is_reported_where_it_is_written()
    {
        var path = Path.Combine(RepoPaths.Corpus, "broken", "ctv-table.yaml");
        var result = Edges.Engine.Validation.Run(path, ValidationContext.From(HostPlugins.Loaded));
        var policy = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.UnknownPluginPolicy);
        // Line 51 of the file: arm b's ctv `{policy: whole-vertebrae, ...}`, the value at column 19.
        Assert.Equal((51, 19), (policy.Location.Line, policy.Location.Column));
        Assert.Contains("did you mean 'whole-vertebra'", policy.Message, StringComparison.Ordinal);
    }
}
