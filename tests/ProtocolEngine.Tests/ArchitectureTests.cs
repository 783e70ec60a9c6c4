using System.Xml.Linq;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests;

/// <summary>P6.2: heavy packages live at the edges; each is referenced by exactly one product project.</summary>
public sealed class ArchitectureTests
{
    private static IReadOnlyList<string> ProjectsReferencing(string package) =>
        new[] { "host", "plugins" }.SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, folder), "*.csproj", SearchOption.AllDirectories))
            .Where(project => XDocument.Load(project).Descendants("PackageReference").Any(r => (string?)r.Attribute("Include") == package))
            .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList()!;

    [Fact]
    public void LiteDB_is_referenced_only_by_the_LiteDB_storage_edge() =>
        Assert.Equal(["ProtocolEngine.Storage.LiteDb"], ProjectsReferencing("LiteDB"));

    [Fact]
    public void Roslyn_is_referenced_by_exactly_one_project() =>
        Assert.Single(ProjectsReferencing("Microsoft.CodeAnalysis.CSharp"));
}
