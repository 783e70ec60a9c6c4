using ProtocolEngine.Engine.Reporting;
using Spectre.Console;

namespace ProtocolEngine.Cli.Commands;

/// <summary>
/// The report's progress on a terminal (never into a pipe or a file), like the demo's bar: one step per stage of
/// building the report, without colour under NO_COLOR. The bar clears itself when the report is done.
/// </summary>
public static class ReportProgressBar
{
    public static T Show<T>(TextWriter output, bool noColour, Func<IProgress<ReportProgress>, T> run)
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
            .Start(ctx => run(new Bar(ctx.AddTask("Building the report", maxValue: 1))));
    }

    private sealed class Bar(ProgressTask task) : IProgress<ReportProgress>
    {
        public void Report(ReportProgress value)
        {
            task.MaxValue = Math.Max(1, value.Steps);
            task.Value = value.Step;
            task.Description = $"Report: {value.Name}";
        }
    }
}
