using McMaster.NETCore.Plugins;
using ProtocolEngine.Engine.Plugins;

namespace ProtocolEngine.Plugins.McMaster;

/// <summary>
/// The engine's <see cref="IPluginAssemblyLoader"/> on McMaster.NETCore.Plugins: each plugin in a load
/// context of its own whose dependencies (its deps.json, e.g. MathNet) resolve from the plugin's
/// folder, sharing only the given types' assemblies with the host.
/// </summary>
public sealed class McMasterPluginLoader : IPluginAssemblyLoader
{
    public PluginAssembly Load(string assemblyPath, IReadOnlyList<Type> sharedTypes)
    {
        var loader = PluginLoader.CreateFromAssemblyFile(assemblyPath, sharedTypes: [.. sharedTypes]);
        try
        {
            return new PluginAssembly(loader.LoadDefaultAssembly(), loader);
        }
        catch
        {
            loader.Dispose();
            throw;
        }
    }
}
