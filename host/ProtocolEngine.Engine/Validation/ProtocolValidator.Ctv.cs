using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Engine.Validation;

public sealed partial class ProtocolValidator
{
    private void CheckCtv(Run run)
    {
        var protocol = run.Protocol;
        run.Unique(protocol.CtvTables, t => t.Id, "CTV table");
        foreach (var table in protocol.CtvTables)
            CheckCtvTable(run, table);
        if (run.Bound(protocol, nameof(Protocol.Arms)))
        {
            foreach (var arm in protocol.Arms)
            {
                if (arm.Ctv is { } ctv && run.Clean(ctv))
                    CheckArmCtv(run, ctv);
            }
        }
        CheckOrganConstraints(run);
        if (protocol.TargetLesions is { } lesions && run.Clean(lesions))
            CheckTargetLesions(run, lesions);
    }

    private void CheckArmCtv(Run run, CtvPolicy ctv)
    {
        var protocol = run.Protocol;
        if (ctv.Table is { } tableId)
        {
            var table = protocol.CtvTables.FirstOrDefault(t => t.Id == tableId);
            if (table is null)
                run.Error(DiagnosticCodes.UndefinedCtvTable, ctv, nameof(CtvPolicy.Table), $"unknown CTV table '{tableId}'; {Run.Suggest(tableId, [.. protocol.CtvTables.Select(t => t.Id)])}");
            else if (table.Policy != ctv.Policy)
                run.Error(DiagnosticCodes.CtvTable, ctv, nameof(CtvPolicy.Table), $"CTV table '{tableId}' is for policy '{table.Policy}', but this arm's policy is '{ctv.Policy}'; name a table of policy '{ctv.Policy}'.");
        }
        if (ctv.Plugin is null)
        {
            if (protocol.TargetLesions is not null)
                run.Error(DiagnosticCodes.MissingKey, ctv, nameof(CtvPolicy.Policy), $"the arm's ctv names no plugin, but target volumes are recorded at randomization (target_lesions); add 'plugin:' naming the CTV plugin that knows '{ctv.Policy}'.");
            return;
        }
        if (context.CtvPolicies?.TryGetValue(ctv.Plugin, out var policies) == true && !policies.Contains(ctv.Policy, StringComparer.Ordinal))
        {
            var hint = Loading.Naming.Closest(ctv.Policy, policies) is { } close ? $"did you mean '{close}'? " : "";
            run.Error(DiagnosticCodes.UnknownPluginPolicy, ctv, nameof(CtvPolicy.Policy), $"CTV plugin '{ctv.Plugin}' does not know the policy '{ctv.Policy}'; {hint}it knows {string.Join(", ", policies)}.");
        }
    }

    private static void CheckCtvTable(Run run, CtvTable table)
    {
        var what = $"row of CTV table '{table.Id}'";
        run.Unique(table.Rows, r => r.Id, what);
        if (run.Bound(table, nameof(CtvTable.Rows)) && table.Rows.Count == 0)
            run.Error(DiagnosticCodes.EmptySection, table, nameof(CtvTable.Rows), $"CTV table '{table.Id}' has no rows; give the rows of its source.");
        var patterns = new Dictionary<string, CtvTableRow>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            if (!run.Clean(row))
                continue;
            if (!CheckCtvRow(run, row))
                continue;
            foreach (var (key, mirrored) in PatternKeys(row))
            {
                if (patterns.TryGetValue(key, out var earlier) && !ReferenceEquals(earlier, row))
                {
                    var line = run.Document.Map.At(earlier, nameof(CtvTableRow.Gtv), run.Document.Path).Line;
                    run.Error(DiagnosticCodes.CtvTable, row, nameof(CtvTableRow.Gtv), $"row '{row.Id}'{(mirrored ? " (mirrored)" : "")} describes the same involvement as row '{earlier.Id}' (line {line}), which is tried first, so this row could never apply; merge the two rows or change the GTV pattern.");
                    break;
                }
                patterns.TryAdd(key, row);
            }
        }
    }

    /// <summary>Sectors 1-6 everywhere, non-empty GTV groups and CTV, no sector both required and optional; false when the row is unusable.</summary>
    private static bool CheckCtvRow(Run run, CtvTableRow row)
    {
        var ok = true;
        void Sectors(IReadOnlyList<int> list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is < 1 or > 6)
                {
                    run.Error(DiagnosticCodes.CtvTable, list, $"[{i}]", $"{list[i]} is not an ISRC sector; sectors are 1 (vertebral body) to 6 (right pedicle).");
                    ok = false;
                }
            }
        }
        if (row.Gtv.Count == 0)
        {
            run.Error(DiagnosticCodes.CtvTable, row, nameof(CtvTableRow.Gtv), $"row '{row.Id}' has no GTV sectors; give the involvement as groups, e.g. [[1], [2]].");
            ok = false;
        }
        for (var g = 0; g < row.Gtv.Count; g++)
        {
            if (row.Gtv[g].Count == 0)
            {
                run.Error(DiagnosticCodes.CtvTable, row.Gtv, $"[{g}]", $"group {g + 1} of row '{row.Id}' is empty; each group names the sectors of which one is involved.");
                ok = false;
            }
            Sectors(row.Gtv[g]);
        }
        Sectors(row.Ctv);
        Sectors(row.Optional);
        if (row.Ctv.Count == 0)
        {
            run.Error(DiagnosticCodes.CtvTable, row, nameof(CtvTableRow.Ctv), $"row '{row.Id}' gives no CTV sector; name the sectors the CTV includes.");
            ok = false;
        }
        if (row.Optional.Intersect(row.Ctv).ToList() is { Count: > 0 } both)
            run.Error(DiagnosticCodes.CtvTable, row, nameof(CtvTableRow.Optional), $"sector(s) {string.Join(", ", both)} of row '{row.Id}' are both required (ctv) and optional; keep each in one list.");
        if (row.VbExtent.Count > 0 && !row.Gtv.Any(g => g.Count == 1 && g[0] == 1))
            run.Error(DiagnosticCodes.CtvTable, row, nameof(CtvTableRow.VbExtent), $"row '{row.Id}' names where within the vertebral body the GTV lies, but its GTV need not involve the body (sector 1); add the group [1] or drop vb_extent.");
        return ok;
    }

    /// <summary>The involvement a row describes (groups and extents, order-free), as written and, for a mirrored row, mirrored.</summary>
    private static IEnumerable<(string Key, bool Mirrored)> PatternKeys(CtvTableRow row)
    {
        static string Key(IEnumerable<IEnumerable<int>> groups, IEnumerable<VertebralBodyExtent> extents) =>
            string.Join(";", groups.Select(g => string.Join(",", g.Distinct().Order())).Distinct().Order(StringComparer.Ordinal))
            + "|" + string.Join(",", extents.Distinct().Order());
        static int Mirror(int s) => s switch { 2 => 6, 6 => 2, 3 => 5, 5 => 3, _ => s };
        static VertebralBodyExtent MirrorExtent(VertebralBodyExtent e) =>
            e == VertebralBodyExtent.Left ? VertebralBodyExtent.Right : e == VertebralBodyExtent.Right ? VertebralBodyExtent.Left : e;
        yield return (Key(row.Gtv, row.VbExtent), false);
        if (row.Mirrored)
        {
            var mirrored = Key(row.Gtv.Select(g => g.Select(Mirror)), row.VbExtent.Select(MirrorExtent));
            if (mirrored != Key(row.Gtv, row.VbExtent))
                yield return (mirrored, true);
        }
    }

    private static void CheckOrganConstraints(Run run) =>
        run.Unique(run.Protocol.OrganConstraints, c => c.Structure, "organ-at-risk constraint for structure", nameof(OrganConstraint.Structure));

    private static void CheckTargetLesions(Run run, TargetLesions lesions)
    {
        var variable = run.Protocol.Variables.FirstOrDefault(v => v.Id == lesions.Variable);
        if (variable is null)
        {
            run.Error(DiagnosticCodes.UndefinedVariable, lesions, nameof(TargetLesions.Variable), $"unknown variable '{lesions.Variable}'; {Run.Suggest(lesions.Variable, [.. run.Protocol.Variables.Select(v => v.Id)])}");
            return;
        }
        if (variable.Type != VariableType.Records || variable.Fields is null)
        {
            run.Error(DiagnosticCodes.TargetLesions, lesions, nameof(TargetLesions.Variable), $"'{lesions.Variable}' is of type {Loading.Naming.EnumValue(variable.Type)}; the lesions need a variable of type records, one record per lesion.");
            return;
        }
        var fields = variable.Fields;
        void Field(string? id, string member, string what, Func<Variable, bool> fits)
        {
            if (id is null)
                return;
            if (fields.FirstOrDefault(f => f.Id == id) is not { } field)
                run.Error(DiagnosticCodes.UndefinedVariable, lesions, member, $"'{lesions.Variable}' has no field '{id}'; {Run.Suggest(id, [.. fields.Select(f => f.Id)])}");
            else if (!fits(field))
                run.Error(DiagnosticCodes.TargetLesions, lesions, member, $"field '{id}' of '{lesions.Variable}' must be {what}.");
        }
        Field(lesions.Level, nameof(TargetLesions.Level), "a code or text (the vertebral level)", f => f.Type is VariableType.Code or VariableType.Text && !f.Many);
        Field(lesions.Sectors, nameof(TargetLesions.Sectors), "integer with many: true (the ISRC sectors 1-6)", f => f.Type == VariableType.Integer && f.Many);
        Field(lesions.VbExtent, nameof(TargetLesions.VbExtent), "a code whose list holds focal, left, right and diffuse", f => f.Type == VariableType.Code && !f.Many
            && f.CodeList is { } list && run.Protocol.CodeLists.TryGetValue(list, out var codes)
            && Enum.GetValues<VertebralBodyExtent>().All(e => codes.Any(c => c.Code == Loading.Naming.EnumValue(e))));
        Field(lesions.Epidural, nameof(TargetLesions.Epidural), "boolean", f => f.Type == VariableType.Boolean && !f.Many);
        Field(lesions.Treated, nameof(TargetLesions.Treated), "boolean", f => f.Type == VariableType.Boolean && !f.Many);
    }
}
