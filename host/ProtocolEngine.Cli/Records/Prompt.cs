using System.Text;

namespace ProtocolEngine.Cli.Records;

/// <summary>Asks the person at the terminal; answers null when there is no terminal (input redirected).</summary>
public sealed class Prompt(Func<string, bool, string?> ask)
{
    public static Prompt None { get; } = new((_, _) => null);

    public static Prompt FromConsole() => new((label, secret) =>
    {
        if (Console.IsInputRedirected) return null;
        Console.Error.Write(label + ": ");
        if (!secret) return Console.ReadLine();
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace) { if (text.Length > 0) text.Length--; }
            else text.Append(key.KeyChar);
        }
        Console.Error.WriteLine();
        return text.ToString();
    });

    public string? Ask(string label, bool secret = false) => ask(label, secret);
}
