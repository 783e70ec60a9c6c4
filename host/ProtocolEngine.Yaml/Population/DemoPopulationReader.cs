using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Loading;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Yaml.Loading;
using ProtocolEngine.Engine.Demo.Population;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ProtocolEngine.Yaml.Population;

/// <summary>
/// Reads a demo population file (YAML) against the protocol it describes: every variable, field and
/// code it names must exist there with the right type. All problems are collected, each with file,
/// line and column, and refused at once (<see cref="DemoPopulationException"/>).
/// </summary>
public static partial class DemoPopulationReader
{
    public static DemoPopulation Read(string path, Protocol protocol)
    {
        var file = Path.GetFullPath(path);
        var bag = new DiagnosticBag();
        var root = Load(file, bag);
        var population = root is null ? null : Bind(root, new PopulationYaml(file, bag), protocol, file);
        if (bag.HasErrors || population is null)
            throw new DemoPopulationException(file, bag.Sorted());
        return population;
    }

    private static YamlNode? Load(string file, DiagnosticBag bag)
    {
        var text = ProtocolText.Read(file, "the population file", out var problem);
        if (text is null)
        {
            bag.Add(problem!.Code == DiagnosticCodes.FileNotFound ? problem with { Message = $"{problem.Message.TrimEnd('.')}; check --population." } : problem);
            return null;
        }
        var stream = new YamlStream();
        try { new LimitedParser(new Parser(new StringReader(text)), new NodeBudget()).LoadInto(stream); }
        catch (ProtocolLimitException ex)
        {
            bag.Error(DiagnosticCodes.LimitExceeded, new SourceLocation(file, (int)ex.Start.Line, (int)ex.Start.Column), ex.Message);
            return null;
        }
        catch (YamlException ex)
        {
            bag.Error(DiagnosticCodes.YamlSyntax, new SourceLocation(file, (int)ex.Start.Line, (int)ex.Start.Column), $"YAML syntax: {ex.InnerException?.Message ?? ex.Message}");
            return null;
        }
        if (stream.Documents.Count == 0)
        {
            bag.Error(DiagnosticCodes.YamlSyntax, new SourceLocation(file, 1, 1), "the population file is empty; it must hold a mapping with codes:, numbers:, lesions: or baseline_pain:.");
            return null;
        }
        return stream.Documents[0].RootNode;
    }

    private static DemoPopulation? Bind(YamlNode root, PopulationYaml y, Protocol protocol, string file)
    {
        var keys = y.Keys(root, "the population file", ["source", "codes", "numbers", "lesions", "baseline_pain"], []);
        if (keys is null) return null;
        y.Text(keys.GetValueOrDefault("source"), "source");
        var variables = protocol.Variables.ToDictionary(v => v.Id, StringComparer.Ordinal);
        var codes = Codes(y, keys.GetValueOrDefault("codes"), protocol, variables);
        var numbers = Numbers(y, keys.GetValueOrDefault("numbers"), variables);
        var lesions = keys.TryGetValue("lesions", out var l) ? Lesions(y, l, protocol, variables) : null;
        string? pain = null;
        if (keys.TryGetValue("baseline_pain", out var p) && y.Text(p, "baseline_pain") is { } id
            && VariableOf(y, p, id, variables, "baseline_pain", v => v.Type is VariableType.Integer && !v.Many, "an integer (a pain score)") is not null)
            pain = id;
        return new DemoPopulation { File = file, Codes = codes, Numbers = numbers, Lesions = lesions, BaselinePain = pain };
    }

    private static List<CodeDistribution> Codes(PopulationYaml y, YamlNode? node, Protocol protocol, Dictionary<string, Variable> variables)
    {
        var result = new List<CodeDistribution>();
        foreach (var item in y.Items(node, "codes"))
        {
            var keys = y.Keys(item, "a codes entry", ["variable", "values", "source"], ["variable", "values"]);
            if (keys is null || !keys.TryGetValue("variable", out var vn) || y.Text(vn, "variable") is not { } id) continue;
            y.Text(keys.GetValueOrDefault("source"), "source");
            if (result.Any(c => c.Variable == id))
                y.Error(DiagnosticCodes.DuplicateId, vn, $"'{id}' has weights already; give each variable one codes entry.");
            if (CodeListOf(y, vn, id, variables, protocol, "codes") is not { } list) continue;
            var values = new List<WeightedCode>();
            var items = y.Items(keys.GetValueOrDefault("values"), $"the values of {id}");
            if (keys.TryGetValue("values", out var vs) && vs is YamlSequenceNode && items.Count == 0)
                y.Error(DiagnosticCodes.MissingKey, vs, $"{id} needs at least one weighted code.");
            foreach (var v in items)
            {
                var vk = y.Keys(v, $"a value of {id}", ["code", "weight", "implies"], ["code", "weight"]);
                if (vk is null || !vk.TryGetValue("code", out var cn) || y.Text(cn, "code") is not { } code) continue;
                var weight = y.Positive(vk.GetValueOrDefault("weight"), $"the weight of {code}");
                if (!list.Contains(code))
                    y.Error(DiagnosticCodes.InvalidValue, cn, $"'{code}' is not a code of {id} (code list {variables[id].CodeList}: {string.Join(", ", list)}).");
                else if (values.Any(x => x.Code == code))
                    y.Error(DiagnosticCodes.DuplicateId, cn, $"'{code}' is weighted twice for {id}; keep one.");
                var implies = Implies(y, vk.GetValueOrDefault("implies"), protocol, variables, code);
                if (weight is { } w) values.Add(new WeightedCode { Code = code, Weight = w, Implies = implies });
            }
            result.Add(new CodeDistribution { Variable = id, Values = values, Source = (keys.GetValueOrDefault("source") as YamlScalarNode)?.Value });
        }
        return result;
    }

    private static Dictionary<string, string> Implies(PopulationYaml y, YamlNode? node, Protocol protocol, Dictionary<string, Variable> variables, string code)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is null) return result;
        if (node is not YamlMappingNode map)
        {
            y.Error(DiagnosticCodes.WrongType, node, $"implies of {code} must be a mapping of variable: code (e.g. {{sex: female}}).");
            return result;
        }
        foreach (var (k, v) in map.Children)
        {
            var id = (k as YamlScalarNode)?.Value ?? "";
            if (CodeListOf(y, k, id, variables, protocol, "implies") is not { } list || y.Text(v, $"implies {id}") is not { } value) continue;
            if (list.Contains(value)) result[id] = value;
            else y.Error(DiagnosticCodes.InvalidValue, v, $"'{value}' is not a code of {id} ({string.Join(", ", list)}).");
        }
        return result;
    }

    private static List<NumberDistribution> Numbers(PopulationYaml y, YamlNode? node, Dictionary<string, Variable> variables)
    {
        var result = new List<NumberDistribution>();
        foreach (var item in y.Items(node, "numbers"))
        {
            var keys = y.Keys(item, "a numbers entry", ["variable", "mean", "sd", "source"], ["variable", "mean", "sd"]);
            if (keys is null || !keys.TryGetValue("variable", out var vn) || y.Text(vn, "variable") is not { } id) continue;
            y.Text(keys.GetValueOrDefault("source"), "source");
            var v = VariableOf(y, vn, id, variables, "numbers", x => x.Type is VariableType.Integer or VariableType.Number && !x.Many, "an integer or a number");
            var mean = y.Number(keys.GetValueOrDefault("mean"), $"the mean of {id}");
            var sd = y.Positive(keys.GetValueOrDefault("sd"), $"the sd of {id}");
            if (v is not null && mean is { } m && (m < (v.Min ?? double.MinValue) || m > (v.Max ?? double.MaxValue)))
                y.Error(DiagnosticCodes.OutOfRange, keys["mean"], $"the mean {m} of {id} is outside its range {v.Min}-{v.Max} in the protocol.");
            else if (v is not null && mean is not null && sd is not null)
                result.Add(new NumberDistribution { Variable = id, Mean = mean.Value, Sd = sd.Value, Source = (keys.GetValueOrDefault("source") as YamlScalarNode)?.Value });
        }
        return result;
    }

    /// <summary>The protocol's variable <paramref name="id"/> when it exists and fits; else an error naming the variables that would.</summary>
    private static Variable? VariableOf(PopulationYaml y, YamlNode at, string id, Dictionary<string, Variable> variables, string what, Func<Variable, bool> fits, string kind)
    {
        if (!variables.TryGetValue(id, out var v))
        {
            var candidates = variables.Values.Where(fits).Select(x => x.Id).ToList();
            y.Error(DiagnosticCodes.UndefinedVariable, at, $"'{id}' ({what}) is not a variable of the protocol; variables that are {kind}: {(candidates.Count == 0 ? "none" : string.Join(", ", candidates))}.");
            return null;
        }
        if (fits(v)) return v;
        y.Error(DiagnosticCodes.WrongType, at, $"'{id}' ({what}) is of type {v.Type.ToString().ToLowerInvariant()}{(v.Many ? " (many)" : "")} in the protocol; {what} needs {kind}.");
        return null;
    }

    private static IReadOnlyList<string>? CodeListOf(PopulationYaml y, YamlNode at, string id, Dictionary<string, Variable> variables, Protocol protocol, string what) =>
        VariableOf(y, at, id, variables, what, v => v.Type == VariableType.Code && !v.Many && v.CodeList is not null, "single codes") is { } v
            && protocol.CodeLists.TryGetValue(v.CodeList!, out var list)
            ? list.Select(c => c.Code).ToList()
            : null;
}
