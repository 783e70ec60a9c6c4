using ProtocolEngine.Cli;
using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Validation;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Validation;

public sealed class PluginReferenceTests
{
    private static readonly string Minimal = Path.Combine(RepoPaths.Corpus, "valid", "minimal.yaml");

    [Fact]
    public void An_unknown_randomization_plugin_is_reported_at_its_line_with_the_names_available()
    {
        var context = new ValidationContext(new Dictionary<PluginFamily, IReadOnlyList<string>>
        {
            [PluginFamily.Randomization] = ["Minimizer", "Randomisation"],
        });
        var result = Edges.Engine.Validation.Run(Minimal, context);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.UnknownPlugin, error.Code);
        Assert.Equal((42, 11), (error.Location.Line, error.Location.Column));
        Assert.Contains("did you mean 'Randomisation'?", error.Message);
        Assert.Contains("available: Minimizer, Randomisation", error.Message);
    }

    [Fact]
    public void A_known_plugin_passes()
    {
        var context = new ValidationContext(new Dictionary<PluginFamily, IReadOnlyList<string>>
        {
            [PluginFamily.Randomization] = ["Randomization"],
        });
        Assert.Empty(Edges.Engine.Validation.Run(Minimal, context).Diagnostics);
    }
}
