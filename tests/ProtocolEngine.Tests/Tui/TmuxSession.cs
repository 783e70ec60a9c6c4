using System.Text.RegularExpressions;
using System.Diagnostics;

namespace ProtocolEngine.Tests.Tui;

/// <summary>A tmux server of its own (private socket, unique name) running one command in a real terminal; killed on dispose.</summary>
internal sealed class TmuxSession : IDisposable
{
    private readonly string _socket = "pe-tui-" + Guid.NewGuid().ToString("N")[..12];

    public TmuxSession(string workingDirectory, string command, int width = 100, int height = 30)
    {
        var (code, _, err) = Tmux("new-session", "-d", "-s", "e2e", "-x", $"{width}", "-y", $"{height}", "-c", workingDirectory, command);
        if (code != 0) throw new InvalidOperationException($"tmux new-session failed ({code}): {err}. Install tmux (.ci/run does).");
    }

    public static bool Installed() => File.Exists("/usr/bin/tmux") || File.Exists("/usr/local/bin/tmux");

    public string Capture() => Tmux("capture-pane", "-p", "-t", "e2e").Out;

    public bool Running => Tmux("has-session", "-t", "e2e").Code == 0;

    /// <summary>Keys by tmux name (Enter, Tab, Escape, C-s, F3).</summary>
    public void Keys(params string[] keys) => Tmux(["send-keys", "-t", "e2e", .. keys]);

    /// <summary>Literal text.</summary>
    public void Text(string text) => Tmux("send-keys", "-t", "e2e", "-l", text);

    /// <summary>Waits until the screen shows <paramref name="text"/>; fails with the screen when it never does.</summary>
    public string WaitFor(string text, int seconds = 90)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        string screen;
        do
        {
            screen = Capture();
            if (screen.Contains(text, StringComparison.Ordinal)) return screen;
            Thread.Sleep(100);
        } while (DateTime.UtcNow < until && Running);
        throw new Xunit.Sdk.XunitException($"The screen never showed '{text}'. It shows:\n{screen}");
    }

    /// <summary>Waits until the pattern matches the screen; for what is drawn in parts (a key, an allocation), not a heading drawn first.</summary>
    public Match WaitFor(Regex pattern, int seconds = 90)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        string screen;
        do
        {
            screen = Capture();
            if (pattern.Match(screen) is { Success: true } found) return found;
            Thread.Sleep(100);
        } while (DateTime.UtcNow < until && Running);
        throw new Xunit.Sdk.XunitException($"The screen never matched '{pattern}'. It shows:\n{screen}");
    }

    public void WaitForExit(int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (Running && DateTime.UtcNow < until) Thread.Sleep(100);
        if (Running) throw new Xunit.Sdk.XunitException($"The program did not exit. The screen shows:\n{Capture()}");
    }

    private (int Code, string Out, string Err) Tmux(params string[] args)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-L");
        start.ArgumentList.Add(_socket);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    public void Dispose() => Tmux("kill-server");
}
