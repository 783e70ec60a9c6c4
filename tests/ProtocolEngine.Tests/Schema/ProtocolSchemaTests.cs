using NJsonSchema;
using ProtocolEngine.Schema.NJsonSchema;
using ProtocolEngine.Tests.Support;
using YamlDotNet.Serialization;

namespace ProtocolEngine.Tests.Schema;

public sealed class ProtocolSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromJsonAsync(File.ReadAllText(RepoPaths.SchemaFile)).GetAwaiter().GetResult();

    /// <summary>Codes of binding errors that a JSON Schema can see in the document itself.</summary>
    private static readonly string[] SchemaVisibleCodes = ["PE0102", "PE0103", "PE0104", "PE0105", "PE0106"];

    [Fact]
    public void The_committed_schema_is_the_one_the_model_generates()
    {
        // Regenerate with: dotnet run --project host/ProtocolEngine.Cli -- schema -o protocols/protocol.schema.json
        Assert.Equal(ProtocolSchema.ToJson(), File.ReadAllText(RepoPaths.SchemaFile).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Protocol_yaml_references_the_schema_for_editors()
    {
        Assert.StartsWith("# yaml-language-server: $schema=protocols/protocol.schema.json", File.ReadLines(RepoPaths.SeedProtocol).First());
    }

    [Fact]
    public void Accepts_protocol_yaml() => Assert.Empty(Schema.Validate(YamlAsJson(RepoPaths.SeedProtocol)));

    [Fact]
    public void Accepts_the_valid_corpus_protocol() =>
        Assert.Empty(Schema.Validate(YamlAsJson(Path.Combine(RepoPaths.Corpus, "valid", "minimal.yaml"))));

    public static TheoryData<string> SchemaVisibleBrokenFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Corpus, "broken"), "*.yaml").Order(StringComparer.Ordinal))
        {
            var expects = File.ReadLines(file).Where(l => l.StartsWith("# expect: ", StringComparison.Ordinal)).ToList();
            // Included files are outside what a schema sees; syntax errors have no document to check.
            if (File.ReadAllText(file).Contains("!include", StringComparison.Ordinal)) continue;
            if (expects.Any(e => SchemaVisibleCodes.Any(c => e.Contains(c, StringComparison.Ordinal))))
                data.Add(Path.GetFileName(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SchemaVisibleBrokenFiles))]
    public void Rejects_the_broken_protocols_it_can_see(string name)
    {
        var errors = Schema.Validate(YamlAsJson(Path.Combine(RepoPaths.Corpus, "broken", name)));
        Assert.NotEmpty(errors);
    }

    [Fact]
    public void Sees_enough_of_the_corpus_to_matter() => Assert.True(SchemaVisibleBrokenFiles().Count >= 12);

    /// <summary>YAML to JSON as an editor would: unquoted scalars typed (numbers, booleans, null), quoted ones kept as text.</summary>
    private static string YamlAsJson(string path)
    {
        var data = new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build()
            .Deserialize<object>(File.ReadAllText(path));
        return new SerializerBuilder().JsonCompatible().Build().Serialize(data);
    }
}
