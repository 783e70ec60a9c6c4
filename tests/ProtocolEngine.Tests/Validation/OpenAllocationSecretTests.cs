using ProtocolEngine.Cli;
using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Validation;

/// <summary>Issue 11, point 4: a protocol states only the randomization method; block sizes written in it are warned about (PE0241).</summary>
public class OpenAllocationSecretTests
{
    [Fact]
    public void Block_sizes_written_in_a_protocol_are_warned_about_at_their_place()
    {
        using var temp = new TempDirectory();
        var text = File.ReadAllText(Path.Combine(RepoPaths.Corpus, "valid", "minimal.yaml"))
            .Replace("  method: permuted-blocks\n", "  method: permuted-blocks\n  block_sizes: [2, 4]\n", StringComparison.Ordinal);
        var path = temp.File("p.yaml");
        File.WriteAllText(path, text);
        var d = Assert.Single(Edges.Engine.Validation.Run(path).Diagnostics);
        Assert.False(d.IsError);
        Assert.Equal(DiagnosticCodes.OpenAllocationSecret, d.Code);
        Assert.Equal(44, d.Location.Line);
        Assert.Contains("seal them into the database with `protocol-engine randomization seal --block-sizes ...`", d.Message);
    }

    [Fact]
    public void A_protocol_stating_only_the_method_is_valid_without_a_warning()
    {
        using var temp = new TempDirectory();
        var path = temp.File("p.yaml");
        File.Copy(Path.Combine(RepoPaths.Corpus, "valid", "minimal.yaml"), path);
        Assert.Empty(Edges.Engine.Validation.Run(path).Diagnostics);
    }

    [Fact]
    public void The_seed_protocol_states_only_the_method() =>
        Assert.Equal((0, "permuted-blocks"), Edges.Engine.Loader.Load(RepoPaths.SeedProtocol).Document!.Protocol.Randomization is { } plan
            ? (plan.BlockSizes.Count, plan.Method) : (-1, ""));
}
