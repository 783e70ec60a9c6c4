using ProtocolEngine.Cli;
using ProtocolEngine.Engine.Loading;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Loading;

/// <summary>Offsets inside rule text map back to the exact line and column of the YAML file.</summary>
public sealed class SourceMapTests
{
    private static (ProtocolDocument Doc, Criterion Criterion) Load(string yamlRules, string id)
    {
        var temp = new TempDirectory();
        var text = File.ReadAllText(Path.Combine(RepoPaths.Corpus, "valid", "minimal.yaml"))
            .Replace("      rule: age >= 18 && age <= 80\n", yamlRules, StringComparison.Ordinal);
        var path = temp.File("p.yaml");
        File.WriteAllText(path, text);
        var result = Edges.Engine.Loader.Load(path);
        Assert.NotNull(result.Document);
        var criterion = result.Document!.Protocol.Criteria.Inclusion.Single(c => c.Id == id);
        return (result.Document, criterion);
    }

    private static (int Line, int Column) Map(ProtocolDocument doc, Criterion c, string token)
    {
        var span = doc.Map.ValueOf(c, nameof(Criterion.Rule))!;
        var at = doc.Map.MapOffset(span, c.Rule!, c.Rule!.IndexOf(token, StringComparison.Ordinal));
        return (at.Line, at.Column);
    }

    [Fact]
    public void Plain_scalar()
    {
        var (doc, c) = Load("      rule: age >= 18 && age <= 80\n", "IC1");
        Assert.Equal((30, 26), Map(doc, c, "age <= 80"));
    }

    [Fact]
    public void Double_quoted_scalar()
    {
        var (doc, c) = Load("      rule: \"age >= 18 && age <= 80\"\n", "IC1");
        Assert.Equal((30, 27), Map(doc, c, "age <= 80"));
    }

    [Fact]
    public void Literal_block_scalar()
    {
        var (doc, c) = Load("      rule: |\n        age >= 18\n          && age <= 80\n", "IC1");
        Assert.Equal((32, 14), Map(doc, c, "age <= 80"));
    }

    [Fact]
    public void Multi_line_plain_scalar()
    {
        var (doc, c) = Load("      rule: age >= 18\n        && age <= 80\n", "IC1");
        Assert.Equal((31, 12), Map(doc, c, "age <= 80"));
    }
}
