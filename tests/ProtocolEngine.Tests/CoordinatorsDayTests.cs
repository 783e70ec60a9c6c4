using System.Diagnostics;
using System.Text.RegularExpressions;
using ProtocolEngine.Tests.Records.Support;
using ProtocolEngine.Tests.Support;
using Xunit.Abstractions;

namespace ProtocolEngine.Tests;

/// <summary>
/// P5.7: the README's "coordinator's day" runs exactly as written: its shell block, unchanged, in bash,
/// from a copy of the repository's protocol folder, with `protocol-engine` (the built executable) on the PATH.
/// </summary>
public sealed partial class CoordinatorsDayTests(ITestOutputHelper output)
{
    [GeneratedRegex("## A coordinator's day from the command line.*?```sh\\n(?<block>.*?)```", RegexOptions.Singleline)]
    private static partial Regex DayBlock();

    [Fact]
    public async Task The_readme_day_runs_as_written_and_leaves_an_intact_trail()
    {
        var block = DayBlock().Match(File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"))).Groups["block"].Value;
        Assert.Contains("protocol-engine init", block);
        var copy = new TempProtocol();
        var bin = Directory.CreateDirectory(Path.Combine(copy.Root, "bin")).FullName;
        var launcher = Path.Combine(bin, "protocol-engine");
        File.WriteAllText(launcher, $"#!/bin/sh\nexec \"{Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet"}\" \"{EngineProcess.Dll}\" \"$@\"\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(launcher, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        // Each command line echoed before it runs, so a failure names the line; -e stops at the first refusal.
        var start = new ProcessStartInfo("bash", ["-euo", "pipefail", "-xc", block])
        {
            WorkingDirectory = copy.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        start.Environment["PROTOCOL_ENGINE_CACHE"] = Directory.CreateDirectory(Path.Combine(copy.Root, "cache")).FullName;
        foreach (var name in new[] { "PROTOCOL_ENGINE_DB", "PROTOCOL_ENGINE_DB_KEY", "PROTOCOL_ENGINE_USER", "PROTOCOL_ENGINE_PASSWORD" })
            start.Environment.Remove(name);
        using var bash = Process.Start(start)!;
        var stdout = bash.StandardOutput.ReadToEndAsync();
        var stderr = bash.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await bash.WaitForExitAsync(limit.Token);
        var said = await stdout;
        var log = await stderr;
        output.WriteLine(said);
        output.WriteLine(log);
        Assert.True(bash.ExitCode == 0, $"exit {bash.ExitCode}:\n{log}");

        Assert.Contains("Registered participant mianyang-001.", said);
        Assert.Contains("mianyang-001: eligible (screening mianyang-001-S1)", said);
        Assert.Matches("randomized to (isrc|whole)", said);
        Assert.Contains("mianyang-001 diary 2026-11-24: worst pain 6, OMED 30 mg/day.", said);
        Assert.Contains("Audit trail intact", said);
        Assert.True(File.Exists(Path.Combine(copy.Root, "data", "chictr1900023401.db")));
    }
}
