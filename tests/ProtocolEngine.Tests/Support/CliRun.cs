using ProtocolEngine.Cli;

namespace ProtocolEngine.Tests.Support;

/// <summary>Runs the command line in-process and captures what it wrote.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static CliRun Of(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Program.Run(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
