using System.Diagnostics;

namespace ProtocolEngine.Tests.Support;

/// <summary>Runs `dotnet build` on a project in a child process, with MSBuild settings of the test host removed.</summary>
internal static class DotnetBuild
{
    public static void Run(string projectFolder, string outputFolder, params string[] properties)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = projectFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "build", "-c", "Release", "-o", outputFolder, "-nologo", "--disable-build-servers" }.Concat(properties.Select(p => "-p:" + p)))
            start.ArgumentList.Add(arg);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet build of {projectFolder} took over 3 minutes.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"dotnet build of {projectFolder} failed ({process.ExitCode}):\n{output.Result}\n{error.Result}");
    }
}
