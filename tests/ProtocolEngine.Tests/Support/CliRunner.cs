using ProtocolEngine.Cli;

namespace ProtocolEngine.Tests.Support;

/// <summary>Runs the command line in-process and captures what it prints.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Program.Run(args, output, error);
        return new Result(code, output.ToString(), error.ToString());
    }
}
