using ProtocolEngine.Engine.Demo;
using Spectre.Console;

namespace ProtocolEngine.Cli.Commands;

/// <summary>
/// The demo's progress bar, drawn only on a terminal (never into a pipe or a file, nor with --format
/// json), without colour under NO_COLOR. The generator reports each simulated day; the bar shows it.
/// </summary>
public static class DemoProgressBar
{
    /// <summary>True when <paramref name="output"/> is the process's standard output and that is a terminal.</summary>
    public static bool IsTerminal(TextWriter output) => ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;

    public static T Show<T>(TextWriter output, bool noColour, Func<IProgress<DemoProgress>, T> run)
    {
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.Detect,
            ColorSystem = noColour ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = InteractionSupport.Yes,
        });
        return terminal.Progress().AutoClear(true).HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx => run(new Bar(ctx.AddTask("Simulating the trial", maxValue: 1))));
    }

    /// <summary>Moves the bar to the simulated day; called on the generator's thread, which Spectre's task allows.</summary>
    private sealed class Bar(ProgressTask task) : IProgress<DemoProgress>
    {
        public void Report(DemoProgress value)
        {
            task.MaxValue = Math.Max(1, value.DaysTotal);
            task.Value = value.DaysDone;
            task.Description = $"Simulating the trial: {value.Day:yyyy-MM-dd}";
        }
    }
}
