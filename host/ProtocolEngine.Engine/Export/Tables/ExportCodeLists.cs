using System.Text.RegularExpressions;
using ProtocolEngine.Engine.Loading;

namespace ProtocolEngine.Engine.Export.Tables;

/// <summary>The code lists the export's columns use: the engine's enumerations, the protocol's code lists, its sites, arms and visits.</summary>
internal sealed partial class ExportCodeLists
{
    private readonly Dictionary<string, IReadOnlyList<(string Code, string Label)>> _lists = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> _enums = [];

    public IEnumerable<(string List, string Code, string Label)> Entries =>
        _lists.OrderBy(kv => kv.Key, StringComparer.Ordinal).SelectMany(kv => kv.Value.Select(e => (kv.Key, e.Code, e.Label)));

    /// <summary>Registers an enumeration's values (as written in records) under its snake_case name.</summary>
    public string Enum(Type type)
    {
        // The engine's lists are named after their enumeration; where a protocol list has that name, the engine's is record_NAME.
        var name = Naming.Key(type.Name);
        if (_enums.TryGetValue(type, out var known)) return known;
        if (_lists.ContainsKey(name)) name = "record_" + name;
        _lists[name] = [.. System.Enum.GetNames(type).Select(n => (Naming.EnumValue(n), Words().Replace(n, " $1").Trim().ToLowerInvariant()))];
        _enums[type] = name;
        return name;
    }

    public string Add(string name, IEnumerable<(string Code, string Label)> entries)
    {
        _lists.TryAdd(name, [.. entries]);
        return name;
    }

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex Words();
}
