namespace ProtocolEngine.Tests.Support;

/// <summary>Paths in the source tree, found from the test assembly's folder.</summary>
internal static class RepoPaths
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "ProtocolEngine.sln")))
                    return dir.FullName;
            throw new InvalidOperationException($"No ProtocolEngine.sln above {AppContext.BaseDirectory}.");
        }
    }
}
