using System.Text.Json;
using System.Text.Json.Nodes;
using ProtocolEngine.Engine.Screening;

namespace ProtocolEngine.Engine.Scenarios;

/// <summary>
/// Reads a scenario file: <c>{"description", "base": {participant}, "cases": [{"name", "set": {...},
/// "remove": [ids], "expect": {"status", "criteria": {"IC1": "met"}, "missing": {"IC3": ["ecog"]}}}]}</c>.
/// A case without "set" or "remove" screens the base as it is.
/// </summary>
public static class ScenarioFile
{
    public static IReadOnlyList<ScenarioCase> Read(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })
            as JsonObject ?? throw new FormatException($"{path}: a scenario file is a JSON object with \"base\" and \"cases\"");
        var baseData = root["base"] as JsonObject ?? new JsonObject();
        var cases = root["cases"] as JsonArray ?? throw new FormatException($"{path}: \"cases\" (an array) is missing");
        var result = new List<ScenarioCase>();
        var index = 0;
        foreach (var item in cases)
        {
            index++;
            if (item is not JsonObject c)
                throw new FormatException($"{path}: case {index} is not an object");
            var name = (string?)c["name"] ?? $"case {index}";
            var participant = (JsonObject)baseData.DeepClone();
            if (c["set"] is JsonObject set)
                foreach (var (key, value) in set)
                    participant[key] = value?.DeepClone();
            if (c["remove"] is JsonArray remove)
                foreach (var key in remove)
                    participant.Remove((string)key!);
            var expect = c["expect"] as JsonObject ?? throw new FormatException($"{path}: case '{name}' has no \"expect\"");
            ScreeningStatus? status = null;
            if ((string?)expect["status"] is { } s)
                status = VerdictNames.TryParseStatus(s, out var st) ? st : throw new FormatException($"{path}: case '{name}': status '{s}' is not eligible, ineligible or incomplete");
            var verdicts = new Dictionary<string, Verdict>(StringComparer.Ordinal);
            foreach (var (id, value) in expect["criteria"] as JsonObject ?? [])
                verdicts[id] = VerdictNames.TryParseVerdict((string?)value ?? "", out var v) ? v : throw new FormatException($"{path}: case '{name}': verdict '{value}' of {id} is not met, not-met, unknown or error");
            var missing = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var (id, value) in expect["missing"] as JsonObject ?? [])
                missing[id] = (value as JsonArray ?? []).Select(x => (string)x!).ToList();
            result.Add(new ScenarioCase(path, name, participant, status, verdicts, missing));
        }
        return result;
    }
}
