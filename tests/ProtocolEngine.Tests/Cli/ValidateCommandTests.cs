using ProtocolEngine.Cli;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Cli;

public sealed class ValidateCommandTests
{
    [Fact]
    public void Exits_0_for_the_seed_protocol()
    {
        var result = CliRun.Of("validate", RepoPaths.SeedProtocol);
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("valid", result.Out);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public void Exits_2_with_every_message_on_stderr_in_file_line_col_form()
    {
        var file = Path.Combine(RepoPaths.Corpus, "broken", "unknown-key-top-level.yaml");
        var result = CliRun.Of("validate", file);
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Contains($"{file}:4:1: error PE0102: unknown key 'titel' in 'protocol'; did you mean 'title'?", result.Error);
    }

    [Fact]
    public void A_missing_file_is_invalid_input_not_a_crash()
    {
        var result = CliRun.Of("validate", "no/such/protocol.yaml");
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("no/such/protocol.yaml:1:1: error PE0100", result.Error);
    }

    [Theory]
    [InlineData("validate", "protocol.yaml", "--frobnicate")]
    [InlineData("frobnicate")]
    [InlineData("validate", "a.yaml", "b.yaml")]
    public void Unknown_options_and_commands_exit_2_with_a_pointer_to_help(params string[] args)
    {
        var result = CliRun.Of(args);
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains(args[^1], result.Error);
        Assert.Contains("--help", result.Error);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("describe")]
    [InlineData("schema")]
    public void Every_command_has_help(string command)
    {
        var result = CliRun.Of(command, "--help");
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("Usage:", result.Out);
    }
}
