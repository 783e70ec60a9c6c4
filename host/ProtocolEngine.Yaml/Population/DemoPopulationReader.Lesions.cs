using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Demo.Population;
using YamlDotNet.RepresentationModel;

namespace ProtocolEngine.Yaml.Population;

public static partial class DemoPopulationReader
{
    private static LesionDistribution? Lesions(PopulationYaml y, YamlNode node, Protocol protocol, Dictionary<string, Variable> variables)
    {
        var keys = y.Keys(node, "lesions", ["variable", "level", "treated", "regions", "source"], ["variable", "level", "regions"]);
        if (keys is null || !keys.TryGetValue("variable", out var vn) || y.Text(vn, "variable") is not { } id) return null;
        y.Text(keys.GetValueOrDefault("source"), "source");
        var records = VariableOf(y, vn, id, variables, "lesions", v => v.Type == VariableType.Records && v.Fields is { Count: > 0 }, "records");
        if (records is null) return null;
        var fields = records.Fields!.ToDictionary(f => f.Id, StringComparer.Ordinal);
        var level = Field(y, keys.GetValueOrDefault("level"), id, fields, "level", f => f.Type == VariableType.Code && !f.Many && f.CodeList is not null, "a code field");
        var treated = Field(y, keys.GetValueOrDefault("treated"), id, fields, "treated", f => f.Type == VariableType.Boolean && !f.Many, "a boolean field");
        if (level is null || !protocol.CodeLists.TryGetValue(level.CodeList!, out var list)) return null;
        var codes = list.Select(c => c.Code).ToList();
        var items = y.Items(keys.GetValueOrDefault("regions"), "regions");
        if (keys.TryGetValue("regions", out var rn) && rn is YamlSequenceNode && items.Count == 0)
            y.Error(DiagnosticCodes.MissingKey, rn, "lesions needs at least one region (name, from, to, weight).");
        var regions = Regions(y, items, level, codes);
        if (regions.Count == 0) return null;
        return new LesionDistribution
        {
            Variable = id, Level = level.Id, Treated = treated?.Id, Codes = codes, Regions = regions,
            Source = (keys.GetValueOrDefault("source") as YamlScalarNode)?.Value,
        };
    }

    private static List<LevelRegion> Regions(PopulationYaml y, IReadOnlyList<YamlNode> items, Variable level, List<string> codes)
    {
        var result = new List<LevelRegion>();
        foreach (var item in items)
        {
            var keys = y.Keys(item, "a region", ["name", "from", "to", "weight"], ["name", "from", "to", "weight"]);
            if (keys is null) continue;
            var name = y.Text(keys.GetValueOrDefault("name"), "name") ?? "";
            var from = Level(y, keys.GetValueOrDefault("from"), level, codes, "from");
            var to = Level(y, keys.GetValueOrDefault("to"), level, codes, "to");
            var weight = y.Positive(keys.GetValueOrDefault("weight"), $"the weight of region {name}");
            if (from is null || to is null || weight is null) continue;
            if (from.Value.Index > to.Value.Index)
            {
                y.Error(DiagnosticCodes.InvalidValue, keys["to"], $"region {name} runs from {from.Value.Code} to {to.Value.Code}, backwards in code list {level.CodeList}; swap from and to.");
                continue;
            }
            if (result.FirstOrDefault(r => r.FromIndex <= to.Value.Index && from.Value.Index <= r.ToIndex) is { } other)
            {
                y.Error(DiagnosticCodes.InvalidValue, item, $"region {name} ({from.Value.Code}-{to.Value.Code}) overlaps region {other.Name} ({other.From}-{other.To}); each level belongs to one region.");
                continue;
            }
            result.Add(new LevelRegion { Name = name, From = from.Value.Code, To = to.Value.Code, FromIndex = from.Value.Index, ToIndex = to.Value.Index, Weight = weight.Value });
        }
        return result;
    }

    private static (string Code, int Index)? Level(PopulationYaml y, YamlNode? node, Variable level, List<string> codes, string what)
    {
        if (y.Text(node, what) is not { } code) return null;
        var index = codes.IndexOf(code);
        if (index >= 0) return (code, index);
        y.Error(DiagnosticCodes.InvalidValue, node!, $"'{code}' ({what}) is not a code of {level.Id} (code list {level.CodeList}: {string.Join(", ", codes)}).");
        return null;
    }

    private static Variable? Field(PopulationYaml y, YamlNode? node, string records, Dictionary<string, Variable> fields, string what, Func<Variable, bool> fits, string kind)
    {
        if (y.Text(node, what) is not { } id) return null;
        if (!fields.TryGetValue(id, out var f))
        {
            y.Error(DiagnosticCodes.UndefinedVariable, node!, $"'{id}' ({what}) is not a field of {records}; its fields: {string.Join(", ", fields.Keys)}.");
            return null;
        }
        if (fits(f)) return f;
        y.Error(DiagnosticCodes.WrongType, node!, $"'{id}' ({what}) is of type {f.Type.ToString().ToLowerInvariant()}{(f.Many ? " (many)" : "")} in {records}; {what} needs {kind}.");
        return null;
    }
}
