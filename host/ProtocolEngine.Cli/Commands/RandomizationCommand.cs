using System.CommandLine;

namespace ProtocolEngine.Cli.Commands;

/// <summary>`protocol-engine randomization`: the randomization tools.</summary>
public static class RandomizationCommand
{
    public static Command Create(CliConsole console) =>
        new("randomization", "Randomization tools.") { RandomizationListCommand.Create(console) };
}
