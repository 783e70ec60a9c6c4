using System.Reflection;
using ProtocolEngine.Contracts.Plugins;

namespace ProtocolEngine.Engine.Plugins;

/// <summary>Creates one plugin type and adds it to the catalog being loaded, or records why it cannot be.</summary>
internal static class PluginInstantiation
{
    public static void Add(Type type, string assemblyPath, string contractVersion, LoadState state)
    {
        var families = PluginFamilies.Of(type);
        if (families.Count == 0)
        {
            state.Fail(assemblyPath, $"{type.FullName} implements {nameof(IPlugin)} but no family interface; implement one of {string.Join(", ", Enum.GetValues<PluginFamily>().Select(f => PluginFamilies.InterfaceOf(f).Name))}");
            return;
        }
        if (type.GetConstructor(Type.EmptyTypes) is null)
        {
            state.Fail(assemblyPath, $"{type.FullName} has no public parameterless constructor; the host creates plugins with one");
            return;
        }

        IPlugin plugin;
        string name, version, description;
        try
        {
            plugin = (IPlugin)Activator.CreateInstance(type)!;
            (name, version, description) = (plugin.Name, plugin.Version, plugin.Description);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            state.Fail(assemblyPath, $"the constructor of {type.FullName} threw {ex.InnerException.GetType().Name}: {ex.InnerException.Message}");
            return;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            state.Fail(assemblyPath, $"{type.FullName} could not be created or asked its name: {ex.GetType().Name}: {ex.Message}");
            return;
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            state.Fail(assemblyPath, $"{type.FullName} has an empty {nameof(IPlugin.Name)}; return the name protocols will use");
            return;
        }

        foreach (var family in families)
        {
            var existing = state.Plugins.FirstOrDefault(p => p.Family == family && string.Equals(p.Name, name, StringComparison.Ordinal));
            if (existing is not null)
            {
                state.Fail(assemblyPath, $"duplicate plugin name '{name}' in family {family}: a plugin of that name was already loaded from {existing.Path}; rename one of them or remove one");
                continue;
            }
            state.Plugins.Add(new LoadedPlugin(name, version ?? "", family, assemblyPath, contractVersion, description ?? "", plugin));
        }
    }
}
