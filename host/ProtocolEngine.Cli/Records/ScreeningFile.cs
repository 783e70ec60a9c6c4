using System.Text.Json;
using ProtocolEngine.Engine.Participants;

namespace ProtocolEngine.Cli.Records;

/// <summary>
/// A screening data file: <c>{ "variables": { id: value, ... }, "criteria": { criterionId: true|false } }</c>
/// (criteria: investigator attestations), or just the variables object.
/// </summary>
public sealed record ScreeningFile(IReadOnlyDictionary<string, JsonElement> Variables, IReadOnlyDictionary<string, bool> Criteria)
{
    public static ScreeningFile Read(string path)
    {
        if (!File.Exists(path)) throw new CliInputException($"--data: no file at '{path}'.");
        JsonDocument doc;
        try { doc = JsonDocument.Parse(File.ReadAllText(path)); }
        catch (JsonException ex) { throw new CliInputException($"--data: '{path}' is not JSON: {ex.Message}"); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new CliInputException($"--data: '{path}' must hold a JSON object.");
            if (JsonStrings.FirstInvalid(root) is { } invalid) throw new CliInputException($"--data: '{path}' at {invalid} {JsonStrings.Problem}.");
            var structured = root.TryGetProperty("variables", out var vars) && vars.ValueKind == JsonValueKind.Object;
            var variables = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var p in (structured ? vars : root).EnumerateObject())
                if (!variables.TryAdd(p.Name, p.Value.Clone()))
                    throw new CliInputException($"--data: '{path}' gives the variable '{p.Name}' twice; keep one.");
            var criteria = new Dictionary<string, bool>(StringComparer.Ordinal);
            if (structured && root.TryGetProperty("criteria", out var c))
            {
                if (c.ValueKind != JsonValueKind.Object)
                    throw new CliInputException($"--data: criteria in '{path}' must be a JSON object of criterion ids (\"IC1\": true).");
                foreach (var p in c.EnumerateObject())
                    if (!criteria.TryAdd(p.Name, p.Value.ValueKind switch
                    {
                        JsonValueKind.True => true,
                        JsonValueKind.False => false,
                        _ => throw new CliInputException($"--data: criteria.{p.Name} must be true (met) or false (not met)."),
                    }))
                        throw new CliInputException($"--data: '{path}' gives criteria.{p.Name} twice; keep one.");
            }
            return new ScreeningFile(variables, criteria);
        }
    }
}
