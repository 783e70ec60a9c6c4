namespace ProtocolEngine.Tests.Support;

/// <summary>Paths into the repository and the test output, found from the test assembly's folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string SeedProtocol => Path.Combine(Root, "protocol.yaml");

    public static string SchemaFile => Path.Combine(Root, "protocols", "protocol.schema.json");

    public static string Corpus => Path.Combine(AppContext.BaseDirectory, "Corpus");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ProtocolEngine.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"ProtocolEngine.sln not found above {AppContext.BaseDirectory}.");
    }
}
