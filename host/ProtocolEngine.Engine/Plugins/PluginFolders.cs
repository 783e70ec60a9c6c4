namespace ProtocolEngine.Engine.Plugins;

/// <summary>Where plugins are looked for: plugins/ beside the executable, then plugins/ beside the protocol.</summary>
public static class PluginFolders
{
    /// <summary>The folder name, in both places.</summary>
    public const string FolderName = "plugins";

    /// <summary>plugins/ beside the running executable (the host's own plugins are copied there by the build).</summary>
    public static string HostFolder => Path.Combine(AppContext.BaseDirectory, FolderName);

    /// <summary>The host's folder, then the protocol's own plugins/ folder when a protocol directory is given.</summary>
    /// <param name="protocolDirectory">The folder that holds protocol.yaml, or null.</param>
    public static IReadOnlyList<string> ForProtocol(string? protocolDirectory) =>
        protocolDirectory is null
            ? [HostFolder]
            : [HostFolder, Path.Combine(Path.GetFullPath(protocolDirectory), FolderName)];
}
