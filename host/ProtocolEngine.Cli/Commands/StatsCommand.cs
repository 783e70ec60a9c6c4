using System.CommandLine;

namespace ProtocolEngine.Cli.Commands;

/// <summary>
/// `protocol-engine stats`: the statistics plugin's methods on given numbers. JSON by default (external checks
/// read it); `--format text` for a readable line.
/// </summary>
public static class StatsCommand
{
    public static Command Create(CliConsole console) =>
        new("stats", "Statistics: Fisher's exact test, proportion and difference intervals, non-inferiority sample size and power.")
        {
            StatsFisherCommand.Create(console),
            StatsCiCommand.Create(console),
            StatsCiDiffCommand.Create(console),
            StatsSampleSizeCommand.Create(console),
            StatsPowerCommand.Create(console),
        };
}
