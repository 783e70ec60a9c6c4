using System.Reflection;

namespace ProtocolEngine.Engine.Plugins;

/// <summary>A plugin assembly loaded in its own context (<see cref="IPluginAssemblyLoader"/>); disposing <paramref name="Context"/> releases it.</summary>
public sealed record PluginAssembly(Assembly Assembly, IDisposable Context);
