using Spectre.Console;

namespace ProtocolEngine.Cli;

/// <summary>A Spectre.Console surface over a command's output writer: colour only on a real terminal.</summary>
public static class Rendering
{
    public static IAnsiConsole For(TextWriter writer)
    {
        var terminal = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal)
            console.Profile.Width = 120;
        return console;
    }
}
