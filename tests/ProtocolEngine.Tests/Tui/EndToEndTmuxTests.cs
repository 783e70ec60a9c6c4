using System.Text.Json;
using System.Text.RegularExpressions;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Tui;

/// <summary>
/// Issue 12.7: the real program in a real terminal (tmux): `protocol-engine` with no arguments in a folder holding
/// protocol.yaml, through the first run, the dashboard, registering, screening and randomizing a participant; then
/// what the CLI reads back from the database.
/// </summary>
public sealed class EndToEndTmuxTests
{
    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }

    [Fact]
    public void A_coordinator_creates_the_trial_adds_screens_and_randomizes_a_participant_in_a_real_terminal()
    {
        Assert.True(TmuxSession.Installed(), "tmux is needed for this test: apt-get install tmux (.ci/run installs it).");
        using var folder = new TempFolder();
        File.Copy(RepoPaths.SeedProtocol, Path.Combine(folder.Path, "protocol.yaml"));
        CopyDirectory(Path.Combine(RepoPaths.Root, "protocols"), Path.Combine(folder.Path, "protocols"));
        var cache = TestCache.NewDirectory();
        var dll = Path.Combine(AppContext.BaseDirectory, "protocol-engine.dll");
        var command = $"env -u PROTOCOL_ENGINE_DB_KEY -u PROTOCOL_ENGINE_USER -u PROTOCOL_ENGINE_PASSWORD -u PROTOCOL_ENGINE_DB PROTOCOL_ENGINE_CACHE='{cache}' "
            + $"TERM=xterm-256color dotnet '{dll}'";
        string key, arm;
        using (var tmux = new TmuxSession(folder.Path, command))
        {
            tmux.WaitFor("No trial database yet");
            tmux.Text("admin password");
            tmux.Keys("Tab");
            tmux.Text("admin password");
            tmux.Keys("Enter");
            tmux.WaitFor("The database key (shown only now");
            key = tmux.WaitFor(new Regex("[0-9a-f]{64}")).Value;
            Assert.Equal(64, key.Length);
            tmux.Keys("Enter");
            var dashboard = tmux.WaitFor("0 of 66 randomized");
            Assert.Contains("Registered 0   screened 0   ineligible 0", dashboard);

            tmux.Keys("F3");
            tmux.WaitFor("0 participants");
            tmux.Text("a");
            tmux.WaitFor("Register a participant");
            foreach (var value in new[] { "ZL", "1962-03-14", "female" })
            {
                tmux.Text(value);
                tmux.Keys("Enter");
            }
            tmux.Keys("Enter");
            tmux.WaitFor("Registered participant mianyang-001");
            tmux.WaitFor("mianyang-001: incomplete");

            var answers = TuiHarness.EligibleAnswers();
            using var harness = new TuiHarness();
            var variables = harness.Services.Protocols.Load(RepoPaths.SeedProtocol).Variables;
            foreach (var v in variables)
            {
                if (answers.TryGetValue(v.Id, out var text)) tmux.Text(text);
                tmux.Keys("Enter");
            }
            tmux.WaitFor("mianyang-001: eligible (14 of 14 criteria satisfied)");
            tmux.Keys("C-s");
            tmux.WaitFor("Screening stored: eligible");
            tmux.Keys("C-r");
            var confirm = tmux.WaitFor("y: randomize now");
            Assert.Contains("site = mianyang", confirm);
            tmux.Text("y");
            arm = tmux.WaitFor(new Regex(@"Allocated: .+ \(([a-z0-9-]+)\)")).Groups[1].Value;
            Assert.NotEqual("", arm);

            tmux.Keys("Escape");
            tmux.WaitFor("participant mianyang-001");
            tmux.Keys("C-q");
            tmux.WaitForExit();
        }

        // What the screens said is what the database holds, read by the CLI.
        var environment = new Dictionary<string, string>
        {
            ["PROTOCOL_ENGINE_DB_KEY"] = key, ["PROTOCOL_ENGINE_USER"] = "admin", ["PROTOCOL_ENGINE_PASSWORD"] = "admin password", ["PROTOCOL_ENGINE_CACHE"] = cache,
        };
        var protocol = Path.Combine(folder.Path, "protocol.yaml");
        var show = CliProcess.Run(environment, "participant", "show", "--participant", "mianyang-001", "--protocol", protocol, "--format", "json");
        Assert.True(show.Code == 0, show.Err);
        using var shown = JsonDocument.Parse(show.Out);
        Assert.Equal(arm, shown.RootElement.GetProperty("arm_id").GetString());
        Assert.Equal(2, shown.RootElement.GetProperty("target_volumes").GetArrayLength());

        var export = CliProcess.Run(environment, "export", "--format", "json", "--protocol", protocol);
        Assert.True(export.Code == 0, export.Err);
        Assert.Contains("mianyang-001", export.Out);
        Assert.Contains("\"eligible\"", export.Out);
    }
}
