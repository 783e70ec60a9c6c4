namespace ProtocolEngine.Tests;

/// <summary>Paths of the repository's files, found from the test binary upwards.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = Find();

    public static string SeedProtocol => Path.Combine(RepoRoot, "protocol.yaml");

    /// <summary>A cache folder private to this test run.</summary>
    public static string NewCacheDirectory() => Path.Combine(Path.GetTempPath(), "pe-tests-cache", Guid.NewGuid().ToString("N"));

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "protocol.yaml")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root (with protocol.yaml) not found above " + AppContext.BaseDirectory);
    }
}
