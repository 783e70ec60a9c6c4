using ProtocolEngine.Cli;
using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Engine.Plugins;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Plugins;

public class PluginCatalogTests : IDisposable
{
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void Finds_plugins_by_family_and_exact_name_and_lists_names_per_family()
    {
        var plugins = Path.Combine(_root.Path, "plugins");
        FixturePluginCompiler.Compile(plugins, "Boin", FixtureSources.DoseEscalation("Boin"));
        FixturePluginCompiler.Compile(plugins, "ThreePlusThree", FixtureSources.DoseEscalation("3+3"));

        using var catalog = Edges.Engine.Plugins.Load([PluginFolders.HostFolder, plugins]);

        Assert.Equal(["3+3", "Boin", "Escalation"], catalog.NamesFor(PluginFamily.DoseEscalation));
        Assert.Equal(["Statistics"], catalog.NamesFor(PluginFamily.Statistics));
        var available = catalog.AvailableNames();
        Assert.Equal(Enum.GetValues<PluginFamily>().Length, available.Count);
        Assert.Equal(["Randomization"], available[PluginFamily.Randomization]);
        Assert.NotNull(catalog.Find<IDoseEscalationPlugin>("Boin"));
        Assert.Null(catalog.Find<IDoseEscalationPlugin>("boin"));
        Assert.Null(catalog.Find<IRandomizationPlugin>("Boin"));
        Assert.Null(catalog.Find(PluginFamily.CtvSelection, "Boin"));
    }

    [Fact]
    public void Calls_a_plugin_across_its_load_context_with_contract_records()
    {
        var plugins = Path.Combine(_root.Path, "plugins");
        FixturePluginCompiler.Compile(plugins, "Boin", FixtureSources.DoseEscalation("Boin"));
        using var catalog = Edges.Engine.Plugins.Load([plugins]);

        var decision = catalog.Find<IDoseEscalationPlugin>("Boin")!.Decide(new DoseEscalationRequest
        {
            Design = "zero-dlt-escalates", CurrentLevel = 2, Doses = [new(1, 3, 0), new(2, 3, 1), new(3, 0, 0)],
        });

        Assert.Equal(new DoseDecision(DoseAction.Stay, 2, decision.EliminatedLevels, null, "DLT seen"), decision);
    }
}
