using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using ProtocolEngine.Cli;
using ProtocolEngine.Engine;
using ProtocolEngine.Engine.Rules;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests;

/// <summary>
/// P6.2: heavy packages live at the edges, as in Cake. The core (host/ProtocolEngine.Engine) and the
/// contracts reference no package; each heavy package is referenced by exactly one project, the edge
/// named for it; the hosts wire the edges in.
/// </summary>
public sealed class ArchitectureTests
{
    private const string Core = "ProtocolEngine.Engine";
    private const string Contracts = "ProtocolEngine.Contracts";

    /// <summary>Each heavy package (by package id, or id prefix for a family) and the one edge project allowed to reference it.</summary>
    public static TheoryData<string, string> HeavyPackages => new()
    {
        { "LiteDB", "ProtocolEngine.Storage.LiteDb" },
        { "YamlDotNet", "ProtocolEngine.Yaml" },
        { "Microsoft.CodeAnalysis", "ProtocolEngine.Rules.Roslyn" },
        { "McMaster.NETCore.Plugins", "ProtocolEngine.Plugins.McMaster" },
        { "NJsonSchema", "ProtocolEngine.Schema.NJsonSchema" },
        { "ScottPlot", "ProtocolEngine.Reporting.Html" },
        { "CsvHelper", "ProtocolEngine.Csv" },
    };

    /// <summary>The assemblies those packages bring; the core's build must reference none of them.</summary>
    private static readonly string[] HeavyAssemblies =
        ["LiteDB", "YamlDotNet", "Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.CSharp", "McMaster.NETCore.Plugins", "NJsonSchema", "ScottPlot", "SkiaSharp", "CsvHelper"];

    private static IEnumerable<string> Projects() =>
        new[] { "host", "plugins", "tests" }.SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, folder), "*.csproj", SearchOption.AllDirectories))
            .Where(p => !p.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"));

    private static string ProjectFile(string name) => Projects().Single(p => Path.GetFileNameWithoutExtension(p) == name);

    private static IReadOnlyList<string> Items(string project, string item) =>
        XDocument.Load(project).Descendants(item).Select(r => (string?)r.Attribute("Include") ?? "").ToList();

    private static bool IsOf(string packageId, string family) =>
        packageId == family || packageId.StartsWith(family + ".", StringComparison.Ordinal);

    private static IReadOnlyList<string> ProjectsReferencing(string family) =>
        Projects().Where(p => Items(p, "PackageReference").Any(id => IsOf(id, family)))
            .Select(p => Path.GetFileNameWithoutExtension(p)!).Order(StringComparer.Ordinal).ToList();

    /// <summary>An assembly of the shared framework the app runs on (System.*, netstandard, ...), not of a package or project.</summary>
    private static bool IsRuntime(string assemblyName) =>
        File.Exists(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, assemblyName + ".dll"));

    [Theory]
    [InlineData(Core)]
    [InlineData(Contracts)]
    public void The_core_and_the_contracts_reference_no_package(string project) =>
        Assert.Empty(Items(ProjectFile(project), "PackageReference"));

    [Fact]
    public void The_core_references_the_contracts_and_no_edge() =>
        Assert.Equal([$"..\\{Contracts}\\{Contracts}.csproj"], Items(ProjectFile(Core), "ProjectReference"));

    [Theory]
    [MemberData(nameof(HeavyPackages))]
    public void Each_heavy_package_is_referenced_by_its_edge_alone(string package, string edge) =>
        Assert.Equal([edge], ProjectsReferencing(package));

    [Theory]
    [MemberData(nameof(HeavyPackages))]
    public void Each_edge_references_the_core(string package, string edge)
    {
        _ = package;
        Assert.Contains($"..\\{Core}\\{Core}.csproj", Items(ProjectFile(edge), "ProjectReference"));
    }

    [Theory]
    [InlineData(typeof(EngineServices))]
    [InlineData(typeof(Contracts.Rules.RuleParticipant))]
    public void The_built_core_and_contracts_reference_only_the_runtime_and_each_other(Type type)
    {
        var references = type.Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(references, name => HeavyAssemblies.Contains(name));
        Assert.All(references, name => Assert.True(IsRuntime(name) || name == Contracts, $"{type.Assembly.GetName().Name} references {name}"));
    }

    [Fact]
    public void The_cached_rules_need_only_the_runtime_and_the_contracts()
    {
        // A warm start loads this image with the core alone: nothing in it may need the compiler.
        var options = new RuleOptions { CacheDirectory = TestCache.NewDirectory() };
        var document = Edges.Engine.Loader.Load(RepoPaths.SeedProtocol).Document!;
        Edges.Engine.Rules.Load(document, options).Rules!.Dispose();
        using var cached = Edges.Engine.Rules.Load(document, options).Rules!;
        Assert.True(cached.FromCache);

        using var pe = new PEReader(new MemoryStream(cached.Image.ToArray()));
        var metadata = pe.GetMetadataReader();
        var references = metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToList();
        Assert.Contains(Contracts, references);
        Assert.All(references, name => Assert.True(IsRuntime(name) || name == Contracts, $"the compiled rules reference {name}"));
    }
}
