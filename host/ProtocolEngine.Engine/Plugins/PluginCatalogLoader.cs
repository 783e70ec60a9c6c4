using System.Reflection;
using ProtocolEngine.Contracts.Plugins;

namespace ProtocolEngine.Engine.Plugins;

/// <summary>
/// Loads every plugins/&lt;Name&gt;/&lt;Name&gt;.dll of the given folders, each in its own load context
/// that shares only the contract assembly with the host (the host's <see cref="IPluginAssemblyLoader"/>).
/// A broken plugin becomes a <see cref="PluginLoadFailure"/> and the others still load. The host's own
/// plugins go through here too.
/// </summary>
public sealed class PluginCatalogLoader(IPluginAssemblyLoader assemblies)
{
    /// <summary>Loads the plugins of each folder in order; a folder that does not exist holds no plugins.</summary>
    /// <param name="pluginFolders">Folders whose sub-folders are plugins, e.g. <see cref="PluginFolders.ForProtocol"/>.</param>
    public PluginCatalog Load(IEnumerable<string> pluginFolders)
    {
        var state = new LoadState();
        foreach (var folder in pluginFolders)
        {
            if (!Directory.Exists(folder))
                continue;
            foreach (var pluginDirectory in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
                LoadFolder(pluginDirectory, state);
        }
        return new PluginCatalog(state.Plugins, state.Failures, state.Loaders);
    }

    private void LoadFolder(string pluginDirectory, LoadState state)
    {
        var name = Path.GetFileName(pluginDirectory);
        var assemblyPath = Path.Combine(pluginDirectory, name + ".dll");
        if (!File.Exists(assemblyPath))
        {
            state.Fail(pluginDirectory, $"no {name}.dll in this folder; a plugin folder plugins/<Name>/ must hold the plugin's build output with <Name>.dll (rename the folder after the assembly, or remove it)");
            return;
        }

        PluginAssembly loaded;
        try
        {
            loaded = assemblies.Load(assemblyPath, [typeof(IPlugin)]);
        }
        catch (Exception ex) when (ex is IOException or BadImageFormatException or InvalidOperationException or ArgumentException)
        {
            state.Fail(assemblyPath, $"cannot load the assembly: {ex.Message}");
            return;
        }

        var loadedBefore = state.Plugins.Count;
        LoadAssembly(loaded.Assembly, assemblyPath, state);
        if (state.Plugins.Count > loadedBefore)
            state.Loaders.Add(loaded.Context);
        else
            loaded.Context.Dispose();
    }

    private static void LoadAssembly(Assembly assembly, string assemblyPath, LoadState state)
    {
        var declared = ContractVersionCheck.Declared(assembly);
        if (ContractVersionCheck.Problem(declared, ContractVersionCheck.HostVersion) is { } versionProblem)
        {
            state.Fail(assemblyPath, versionProblem);
            return;
        }

        var pluginTypes = PluginTypes(assembly, assemblyPath, state);
        if (pluginTypes is null)
            return;
        if (pluginTypes.Count == 0)
        {
            state.Fail(assemblyPath, $"no public non-abstract class in it implements {nameof(IPlugin)}; implement one of {string.Join(", ", Enum.GetValues<PluginFamily>().Select(f => PluginFamilies.InterfaceOf(f).Name))}");
            return;
        }

        foreach (var type in pluginTypes)
            PluginInstantiation.Add(type, assemblyPath, declared!, state);
    }

    private static List<Type>? PluginTypes(Assembly assembly, string assemblyPath, LoadState state)
    {
        try
        {
            return assembly.GetExportedTypes()
                .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IPlugin).IsAssignableFrom(t))
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception ex) when (ex is ReflectionTypeLoadException or FileNotFoundException or FileLoadException or TypeLoadException)
        {
            state.Fail(assemblyPath, $"its types cannot be read (a dependency is missing or was built for another contract): {ex.Message}");
            return null;
        }
    }
}
