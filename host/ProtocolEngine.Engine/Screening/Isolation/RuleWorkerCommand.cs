namespace ProtocolEngine.Engine.Screening.Isolation;

/// <summary>
/// How to start the rule worker: the <c>protocol-engine-rule-worker</c> executable beside the running program
/// (the CLI's build output, its published folder, a test run's output), run by the same dotnet host as this
/// process when there is one, else through its own launcher.
/// </summary>
public sealed record RuleWorkerCommand(string FileName, IReadOnlyList<string> Arguments)
{
    public const string AssemblyName = "protocol-engine-rule-worker";

    /// <summary>The worker beside this program (AppContext.BaseDirectory).</summary>
    public static RuleWorkerCommand Default() => Beside(AppContext.BaseDirectory);

    public static RuleWorkerCommand Beside(string folder)
    {
        var dll = Path.Combine(folder, AssemblyName + ".dll");
        var launcher = Path.Combine(folder, OperatingSystem.IsWindows() ? AssemblyName + ".exe" : AssemblyName);
        var host = Environment.ProcessPath;
        var isDotnet = host is not null && Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        if (File.Exists(dll) && isDotnet)
            return new RuleWorkerCommand(host!, [dll]);
        if (File.Exists(launcher))
            return new RuleWorkerCommand(launcher, []);
        if (File.Exists(dll))
            return new RuleWorkerCommand(DotnetHost(), [dll]);
        throw new RuleWorkerUnavailableException($"the rule worker ({AssemblyName}.dll) is not in {folder}; rebuild or republish the program (`dotnet publish host/ProtocolEngine.Cli -o DIR`)");
    }

    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
            return hostPath;
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root && File.Exists(Path.Combine(root, "dotnet")))
            return Path.Combine(root, "dotnet");
        return "dotnet";
    }

    public override string ToString() => string.Join(' ', Arguments.Prepend(FileName));
}
