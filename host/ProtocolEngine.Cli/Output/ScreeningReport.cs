using System.Text.Json;
using System.Text.Json.Nodes;
using ProtocolEngine.Engine.Screening;

namespace ProtocolEngine.Cli.Output;

/// <summary>A screening result as a text table or as JSON.</summary>
public static class ScreeningReport
{
    public static void WriteText(TextWriter output, ScreeningResult result)
    {
        var rows = new List<(string Id, string Kind, string Verdict, string Reason)>();
        void Add(CriterionResult c, string indent)
        {
            rows.Add((indent + c.Id, VerdictNames.Of(c.Kind), VerdictNames.Of(c.Verdict), Reason(c)));
            foreach (var p in c.Parts) Add(p, indent + "  ");
        }
        foreach (var c in result.Criteria) Add(c, "");
        var w1 = Math.Max("criterion".Length, rows.Max(r => r.Id.Length));
        var w2 = Math.Max("kind".Length, rows.Max(r => r.Kind.Length));
        var w3 = Math.Max("verdict".Length, rows.Max(r => r.Verdict.Length));
        output.WriteLine($"{"criterion".PadRight(w1)}  {"kind".PadRight(w2)}  {"verdict".PadRight(w3)}  reason");
        foreach (var r in rows)
            output.WriteLine($"{r.Id.PadRight(w1)}  {r.Kind.PadRight(w2)}  {r.Verdict.PadRight(w3)}  {r.Reason}".TrimEnd());
        output.WriteLine();
        output.WriteLine($"status: {VerdictNames.Of(result.Status)}{Summary(result)}");
    }

    private static string Reason(CriterionResult c) => c.Verdict switch
    {
        Verdict.Unknown => "missing: " + string.Join(", ", c.Missing),
        Verdict.Error => c.Message ?? "",
        _ when c.Excludes => c.Kind == CriterionKind.Inclusion ? "excludes (inclusion not met)" : "excludes (exclusion met)",
        _ => "",
    };

    private static string Summary(ScreeningResult result) => result.Status switch
    {
        ScreeningStatus.Ineligible => $" (excluded by {string.Join(", ", result.Excluding)})",
        ScreeningStatus.Incomplete => $" (undecided: {string.Join(", ", result.Undecided)})",
        _ => "",
    };

    public static string ToJson(ScreeningResult result)
    {
        var root = new JsonObject
        {
            ["status"] = VerdictNames.Of(result.Status),
            ["excluded_by"] = new JsonArray([.. result.Excluding.Select(e => (JsonNode)e)]),
            ["criteria"] = new JsonArray([.. result.Criteria.Select(Node)]),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonNode Node(CriterionResult c)
    {
        var node = new JsonObject
        {
            ["id"] = c.Id,
            ["kind"] = VerdictNames.Of(c.Kind),
            ["verdict"] = VerdictNames.Of(c.Verdict),
            ["missing"] = new JsonArray([.. c.Missing.Select(m => (JsonNode)m)]),
            ["message"] = c.Message,
        };
        if (c.Parts.Count > 0)
            node["parts"] = new JsonArray([.. c.Parts.Select(Node)]);
        return node;
    }
}
