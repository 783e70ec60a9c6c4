using System.Reflection;
using System.Runtime.Loader;

namespace ProtocolEngine.Engine.Rules;

/// <summary>
/// A collectible context for one protocol's rule assembly. Everything it references (the
/// contracts, the runtime) resolves from the default context, so the domain types are shared; the
/// rule assembly itself goes away when the context is unloaded and nothing refers to it.
/// </summary>
internal sealed class RuleLoadContext(string name) : AssemblyLoadContext(name, isCollectible: true)
{
    protected override Assembly? Load(AssemblyName assemblyName) => null;
}
