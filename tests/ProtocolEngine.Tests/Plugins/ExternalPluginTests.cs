using ProtocolEngine.Cli;
using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Engine.Plugins;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Plugins;

/// <summary>A plugin project outside the solution, built with `dotnet build` and dropped into a plugins folder.</summary>
public class ExternalPluginTests : IDisposable
{
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void A_plugin_built_outside_the_solution_loads_and_answers()
    {
        var source = Path.Combine(_root.Path, "src");
        Directory.CreateDirectory(source);
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests", "Fixtures", "ExternalPlugin"), "*.cs*"))
            File.Copy(file, Path.Combine(source, Path.GetFileName(file)));
        var plugins = Path.Combine(_root.Path, "protocol", "plugins");

        DotnetBuild.Run(source, Path.Combine(plugins, "ExternalPlugin"), "ContractsAssembly=" + typeof(IPlugin).Assembly.Location);
        Assert.False(File.Exists(Path.Combine(plugins, "ExternalPlugin", "ProtocolEngine.Contracts.dll")), "the contracts must not be copied beside a plugin");

        using var catalog = Edges.Engine.Plugins.Load(PluginFolders.ForProtocol(Path.Combine(_root.Path, "protocol")));
        Assert.Empty(catalog.Failures);
        var loaded = Assert.Single(catalog.Plugins, p => p.Family == PluginFamily.CtvSelection && p.Path.StartsWith(plugins, StringComparison.Ordinal));
        Assert.Equal(("WholeVertebra", "2.3.4", Path.Combine(plugins, "ExternalPlugin", "ExternalPlugin.dll")), (loaded.Name, loaded.Version, loaded.Path));
        Assert.Contains("Randomization", catalog.NamesFor(PluginFamily.Randomization));

        var selection = catalog.Find<ICtvSelectionPlugin>("WholeVertebra")!.Select(new CtvSelectionRequest { Policy = "whole-vertebra", InvolvedSectors = [1] });
        Assert.Equal([1, 2, 3, 4, 5, 6], selection.Sectors);
    }
}
