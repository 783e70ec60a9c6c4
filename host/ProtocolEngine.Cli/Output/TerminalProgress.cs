using Spectre.Console;

namespace ProtocolEngine.Cli.Output;

/// <summary>
/// The progress bar of every long command (demo, report, escalation simulate): drawn only on a terminal (never into
/// a pipe or a file, nor with --format json), without colour under NO_COLOR, cleared when the work is done.
/// </summary>
public static class TerminalProgress
{
    /// <summary>True when <paramref name="output"/> is the process's standard output and that is a terminal.</summary>
    public static bool IsTerminal(TextWriter output) => ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;

    /// <summary>Runs <paramref name="run"/> under a bar titled <paramref name="title"/>; it moves the bar with (done, total, description or null).</summary>
    public static T Show<T>(TextWriter output, bool noColour, string title, Func<Action<double, double, string?>, T> run)
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
            .Start(ctx =>
            {
                // Moved from the worker's thread, which Spectre's task allows.
                var task = ctx.AddTask(title, maxValue: 1);
                return run((done, total, description) =>
                {
                    task.MaxValue = Math.Max(1, total);
                    task.Value = done;
                    if (description is not null) task.Description = description;
                });
            });
    }

    /// <summary>An <see cref="IProgress{T}"/> for a service that reports its own kind of progress, moving the bar as <paramref name="describe"/> says.</summary>
    public static IProgress<TProgress> Reporter<TProgress>(Action<double, double, string?> move, Func<TProgress, (double Done, double Total, string Description)> describe) =>
        new Bar<TProgress>(move, describe);

    private sealed class Bar<TProgress>(Action<double, double, string?> move, Func<TProgress, (double Done, double Total, string Description)> describe) : IProgress<TProgress>
    {
        public void Report(TProgress value)
        {
            var (done, total, description) = describe(value);
            move(done, total, description);
        }
    }
}
