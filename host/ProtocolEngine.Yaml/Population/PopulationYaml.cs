using System.Globalization;
using ProtocolEngine.Engine.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace ProtocolEngine.Yaml.Population;

/// <summary>Typed access to the nodes of a population file; every problem goes into the bag with its place.</summary>
internal sealed class PopulationYaml(string file, DiagnosticBag bag)
{
    public SourceLocation At(YamlNode node) => new(file, (int)node.Start.Line, (int)node.Start.Column);

    public void Error(string code, YamlNode node, string message) => bag.Error(code, At(node), message);

    /// <summary>The keys of a mapping; an unknown key and a missing required one are errors.</summary>
    public Dictionary<string, YamlNode>? Keys(YamlNode? node, string what, IReadOnlyList<string> allowed, IReadOnlyList<string> required)
    {
        if (node is null) return null;
        if (node is not YamlMappingNode map)
        {
            Error(DiagnosticCodes.WrongType, node, $"{what} must be a mapping ({string.Join(", ", allowed.Select(k => k + ":"))}).");
            return null;
        }
        var keys = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (k, v) in map.Children)
        {
            var key = (k as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(key))
                Error(DiagnosticCodes.UnknownKey, k, $"unknown key '{key}' in {what}; the keys are {string.Join(", ", allowed)}.");
            else keys[key] = v;
        }
        foreach (var key in required.Where(r => !keys.ContainsKey(r)))
            Error(DiagnosticCodes.MissingKey, map, $"{what} needs '{key}:'.");
        return keys;
    }

    public IReadOnlyList<YamlNode> Items(YamlNode? node, string what)
    {
        if (node is null) return [];
        if (node is YamlSequenceNode seq) return [.. seq.Children];
        Error(DiagnosticCodes.WrongType, node, $"{what} must be a list (items starting with '- ').");
        return [];
    }

    public string? Text(YamlNode? node, string what)
    {
        if (node is null) return null;
        if (node is YamlScalarNode { Value: { Length: > 0 } text }) return text;
        Error(DiagnosticCodes.WrongType, node, $"{what} must be a text.");
        return null;
    }

    public double? Number(YamlNode? node, string what)
    {
        if (node is null) return null;
        if (node is YamlScalarNode { Value: { } text } && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x))
            return x;
        Error(DiagnosticCodes.WrongType, node, $"{what} must be a number (with a dot for decimals, e.g. 11.6).");
        return null;
    }

    /// <summary>A number that must be above zero.</summary>
    public double? Positive(YamlNode? node, string what)
    {
        var x = Number(node, what);
        if (x is <= 0)
        {
            Error(DiagnosticCodes.OutOfRange, node!, $"{what} must be above 0 (it is {x.Value.ToString(CultureInfo.InvariantCulture)}).");
            return null;
        }
        return x;
    }
}
