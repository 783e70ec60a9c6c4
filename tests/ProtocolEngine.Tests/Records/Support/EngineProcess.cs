using System.Diagnostics;

namespace ProtocolEngine.Tests.Records.Support;

/// <summary>Starts the built protocol-engine.dll, or another program the tests build, as a real process (`dotnet x.dll ...`).</summary>
public static class EngineProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "protocol-engine.dll");

    public static Process Start(IReadOnlyDictionary<string, string> env, params string[] args) => StartAssembly(Dll, env, args);

    /// <summary>Starts <paramref name="dll"/> (a program built beside the tests) with redirected standard streams.</summary>
    public static Process StartAssembly(string dll, IReadOnlyDictionary<string, string> env, params string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (k, v) in env) info.Environment[k] = v;
        return Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
    }

    public static async Task<(int Code, string Out, string Err)> RunAsync(IReadOnlyDictionary<string, string> env, params string[] args)
    {
        using var p = Start(env, args);
        var o = p.StandardOutput.ReadToEndAsync();
        var e = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await o, await e);
    }
}
