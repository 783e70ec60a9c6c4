namespace ProtocolEngine.Cli.Commands;

/// <summary>Resolves a --protocol argument to the folder that holds the protocol.</summary>
internal static class ProtocolPaths
{
    public static string? DirectoryOf(string? protocol)
    {
        if (protocol is null)
            return null;
        if (Directory.Exists(protocol))
            return Path.GetFullPath(protocol);
        if (File.Exists(protocol))
            return Path.GetDirectoryName(Path.GetFullPath(protocol));
        throw new CliInputException($"--protocol: no file or folder '{protocol}'; give the path of protocol.yaml or of its folder.");
    }
}
