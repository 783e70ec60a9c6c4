using System.Collections.Concurrent;
using System.Reflection;
using ProtocolEngine.Engine.Loading;

namespace ProtocolEngine.Yaml.Loading;

/// <summary>The settable public properties of a model record, by their YAML key, in declaration order.</summary>
internal static class ModelProperties
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, PropertyInfo>> Cache = new();

    public static IReadOnlyDictionary<string, PropertyInfo> Of(Type type) => Cache.GetOrAdd(type, static t =>
    {
        var result = new Dictionary<string, PropertyInfo>(StringComparer.Ordinal);
        foreach (var p in t.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken))
        {
            if (p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0)
                result[Naming.Key(p.Name)] = p;
        }
        return result;
    });
}
