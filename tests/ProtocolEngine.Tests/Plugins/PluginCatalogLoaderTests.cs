using ProtocolEngine.Cli;
using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Engine.Plugins;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Plugins;

public class PluginCatalogLoaderTests
{
    public class TheHostPlugins
    {
        [Fact]
        public void Load_from_plugins_beside_the_executable_like_any_plugin()
        {
            var plugin = Assert.Single(HostPlugins.Loaded.Plugins, p => p.Name == "Randomization");
            Assert.Equal(PluginFamily.Randomization, plugin.Family);
            Assert.Equal(Path.Combine(AppContext.BaseDirectory, "plugins", "Randomization", "Randomization.dll"), plugin.Path);
            Assert.Equal("2.1", plugin.ContractVersion);
            Assert.Equal("0.1.0", plugin.Version);
            Assert.Empty(HostPlugins.Loaded.Failures);
        }

        [Fact]
        public void Live_in_their_own_load_context_sharing_only_the_contracts()
        {
            var plugin = HostPlugins.Loaded.Find(PluginFamily.Randomization, "Randomization")!;
            var context = System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(plugin.Instance.GetType().Assembly);
            Assert.NotSame(System.Runtime.Loader.AssemblyLoadContext.Default, context);
            Assert.Same(typeof(IPlugin).Assembly, plugin.Instance.GetType().GetInterface(nameof(IRandomizationPlugin))!.Assembly);
        }
    }

    public class TheFailures : IDisposable
    {
        private readonly TempFolder _root = new();
        private string Plugins => Path.Combine(_root.Path, "plugins");

        public void Dispose() => _root.Dispose();

        [Fact]
        public void Are_reported_with_path_and_reason_while_the_good_plugins_still_load()
        {
            FixturePluginCompiler.Compile(Plugins, "Good", FixtureSources.DoseEscalation("Good"));
            var wrongVersion = FixturePluginCompiler.Compile(Plugins, "WrongVersion", FixtureSources.DoseEscalation("WrongVersion", "\"3.0\""));
            var noVersion = FixturePluginCompiler.Compile(Plugins, "NoVersion", FixtureSources.WithoutVersionAttribute("NoVersion"));
            var throwing = FixturePluginCompiler.Compile(Plugins, "Throwing", FixtureSources.DoseEscalation("Throwing", constructorBody: "throw new InvalidOperationException(\"licence file missing\");"));
            var duplicate = FixturePluginCompiler.Compile(Plugins, "ZDuplicate", FixtureSources.DoseEscalation("Good"));
            var noType = FixturePluginCompiler.Compile(Plugins, "NoType", FixtureSources.NoPluginType);
            var empty = Directory.CreateDirectory(Path.Combine(Plugins, "Empty")).FullName;
            var garbage = Path.Combine(Directory.CreateDirectory(Path.Combine(Plugins, "Garbage")).FullName, "Garbage.dll");
            File.WriteAllText(garbage, "not an assembly");

            using var catalog = Edges.Engine.Plugins.Load([Plugins]);

            var good = Assert.Single(catalog.Plugins);
            Assert.Equal(("Good", "9.8.7", PluginFamily.DoseEscalation), (good.Name, good.Version, good.Family));
            Assert.Equal(7, catalog.Failures.Count);
            AssertFailure(catalog, garbage, "cannot load the assembly");
            AssertFailure(catalog, wrongVersion, "built against contract version 3.0", "requires contract version 2.x");
            AssertFailure(catalog, noVersion, "PluginContractVersion(ContractInfo.Version)");
            AssertFailure(catalog, throwing, "InvalidOperationException", "licence file missing");
            AssertFailure(catalog, duplicate, "duplicate plugin name 'Good'", Path.Combine(Plugins, "Good", "Good.dll"));
            AssertFailure(catalog, noType, "implements IPlugin");
            AssertFailure(catalog, empty, "no Empty.dll");
        }

        [Fact]
        public void Include_a_protocol_plugin_that_reuses_a_host_plugin_name()
        {
            FixturePluginCompiler.Compile(Plugins, "Randomization", FixtureSources.DoseEscalation("Randomization"));
            FixturePluginCompiler.Compile(Plugins, "Other", FixtureSources.DoseEscalation("Other"));
            FixturePluginCompiler.Compile(Path.Combine(_root.Path, "second"), "Other", FixtureSources.DoseEscalation("Other"));

            using var catalog = Edges.Engine.Plugins.Load([PluginFolders.HostFolder, Plugins, Path.Combine(_root.Path, "second")]);

            // Same name in another family is allowed; same name in the same family is not.
            Assert.Equal(["Randomization"], catalog.NamesFor(PluginFamily.Randomization));
            Assert.Equal(["Escalation", "Other", "Randomization"], catalog.NamesFor(PluginFamily.DoseEscalation));
            var failure = Assert.Single(catalog.Failures);
            Assert.Contains(Path.Combine(_root.Path, "second", "Other", "Other.dll"), failure.Path, StringComparison.Ordinal);
            Assert.Contains(Path.Combine(Plugins, "Other", "Other.dll"), failure.Reason, StringComparison.Ordinal);
        }

        [Fact]
        public void Do_not_include_folders_that_do_not_exist()
        {
            using var catalog = Edges.Engine.Plugins.Load([Path.Combine(_root.Path, "nowhere")]);
            Assert.Empty(catalog.Plugins);
            Assert.Empty(catalog.Failures);
        }

        private static void AssertFailure(PluginCatalog catalog, string path, params string[] reasonParts)
        {
            var failure = Assert.Single(catalog.Failures, f => f.Path == path);
            foreach (var part in reasonParts)
                Assert.Contains(part, failure.Reason, StringComparison.Ordinal);
        }
    }
}
