using ProtocolEngine.Cli;
using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Storage;

public sealed class RecordJsonTests
{
    [Fact]
    public void The_protocol_serializes_to_the_same_text_with_generated_metadata_as_by_reflection()
    {
        // A protocol's version is the hash of this text: generated metadata must not change a stored version.
        var document = Edges.Engine.Loader.Load(RepoPaths.SeedProtocol).Document!;
        var generated = ProtocolFingerprint.CanonicalJson(document.Protocol, document.Scripts);
        var reflected = System.Text.Json.JsonSerializer.Serialize(new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["protocol"] = document.Protocol,
            ["scripts"] = new SortedDictionary<string, string>(document.Scripts.ToDictionary(kv => Path.GetFileName(kv.Key), kv => kv.Value.ReplaceLineEndings("\n")), StringComparer.Ordinal),
        }, RecordJson.ReflectionOnly);
        Assert.Equal(reflected, generated);
        Assert.Contains("\"primary_endpoint\"", generated);
        var generatedInfo = ((System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver)ModelJsonContext.Default).GetTypeInfo(typeof(ProtocolEngine.Engine.Model.Protocol), RecordJson.Options);
        Assert.NotNull(generatedInfo);
        Assert.Same(RecordJson.Options, generatedInfo.Options);
        Assert.Equal(RecordJson.Serialize(document.Protocol), System.Text.Json.JsonSerializer.Serialize(document.Protocol, RecordJson.ReflectionOnly));
    }
}
