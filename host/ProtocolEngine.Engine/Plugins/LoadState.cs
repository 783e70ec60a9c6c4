namespace ProtocolEngine.Engine.Plugins;

/// <summary>What a catalog load has gathered so far.</summary>
internal sealed class LoadState
{
    public List<LoadedPlugin> Plugins { get; } = [];
    public List<PluginLoadFailure> Failures { get; } = [];
    public List<IDisposable> Loaders { get; } = [];

    public void Fail(string path, string reason) => Failures.Add(new PluginLoadFailure(path, reason));
}
