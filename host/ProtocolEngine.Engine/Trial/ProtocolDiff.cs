using System.Text.Json.Nodes;

namespace ProtocolEngine.Engine.Trial;

/// <summary>What changed between two protocol versions, as JSON paths with old and new values.</summary>
public static class ProtocolDiff
{
    public static IReadOnlyList<string> Compare(string oldJson, string newJson)
    {
        var changes = new List<string>();
        Walk("", JsonNode.Parse(oldJson), JsonNode.Parse(newJson), changes);
        return changes;
    }

    private static void Walk(string path, JsonNode? a, JsonNode? b, List<string> changes)
    {
        switch (a, b)
        {
            case (JsonObject oa, JsonObject ob):
                foreach (var key in oa.Select(p => p.Key).Union(ob.Select(p => p.Key)))
                    Walk($"{path}/{key}", oa[key], ob[key], changes);
                break;
            case (JsonArray aa, JsonArray ab):
                for (var i = 0; i < Math.Max(aa.Count, ab.Count); i++)
                    Walk($"{path}/{i}", i < aa.Count ? aa[i] : null, i < ab.Count ? ab[i] : null, changes);
                break;
            default:
                var left = a?.ToJsonString();
                var right = b?.ToJsonString();
                if (left != right)
                    changes.Add(left is null ? $"added {path}: {right}"
                        : right is null ? $"removed {path} (was {left})"
                        : $"changed {path}: {left} -> {right}");
                break;
        }
    }
}
