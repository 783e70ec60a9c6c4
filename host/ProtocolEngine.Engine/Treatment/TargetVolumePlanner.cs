using System.Text.Json;
using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Engine.Audit;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Screening;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Engine.Treatment;

/// <summary>
/// Defines the target volume of each treated lesion of a participant's screening under the allocated arm's CTV
/// policy, inside the caller's (the randomization's) transaction, each record written through the audit.
/// </summary>
public static class TargetVolumePlanner
{
    public static IReadOnlyList<TargetVolume> Define(AuditedWriter w, Protocol protocol, ICtvSelector selector, Arm arm, ScreeningRecord screening, DateOnly on)
    {
        if (protocol.TargetLesions is not { } binding || arm.Ctv is not { } ctv)
            return [];
        var defined = new List<TargetVolume>();
        foreach (var (lesion, field) in Lesions(binding, screening))
        {
            CtvSelection selection;
            try { selection = selector.Select(arm, lesion); }
            catch (ArgumentException ex)
            {
                throw new RecordRejectedException(field, $"the CTV of {lesion.Level} under arm '{arm.Id}' ({ctv.Policy}) cannot be chosen: {ex.Message} Screen the participant again with the lesion completed.");
            }
            defined.Add(w.Create(new TargetVolume
            {
                Id = $"{screening.ParticipantId}-TV{defined.Count + 1}", ParticipantId = screening.ParticipantId, Level = lesion.Level,
                GtvSectors = [.. lesion.Sectors.Distinct().Order()], VbExtent = lesion.VbExtent, Epidural = lesion.Epidural,
                CtvSectors = selection.Sectors, OptionalSectors = selection.OptionalSectors, CtvPolicy = ctv.Policy, Rule = selection.MatchedRow,
                Circumferential = selection.Circumferential, PtvMarginCm = selection.PtvMarginCm ?? protocol.Fractionation?.PtvMarginCm ?? 0,
                Explanation = selection.Explanation, DefinedOn = on, ProtocolHash = w.ProtocolHash,
            }, "define-target-volume"));
        }
        return defined;
    }

    /// <summary>The treated lesions of a screening (every lesion when the protocol marks none), each with the place of its record for messages.</summary>
    public static IEnumerable<(CtvLesion Lesion, string Field)> Lesions(TargetLesions binding, ScreeningRecord screening)
    {
        if (!screening.Variables.TryGetValue(binding.Variable, out var records) || records.ValueKind != JsonValueKind.Array)
            yield break;
        var index = 0;
        foreach (var record in records.EnumerateArray())
        {
            var place = $"variables.{binding.Variable}[{index++}]";
            if (record.ValueKind != JsonValueKind.Object)
                continue;
            if (binding.Treated is { } treated && !(record.TryGetProperty(treated, out var t) && t.ValueKind == JsonValueKind.True))
                continue;
            var level = record.TryGetProperty(binding.Level, out var l) && l.ValueKind == JsonValueKind.String ? l.GetString()! : "";
            var sectors = record.TryGetProperty(binding.Sectors, out var s) && s.ValueKind == JsonValueKind.Array
                ? [.. s.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Number).Select(x => x.GetInt32())]
                : new List<int>();
            VertebralBodyExtent? extent = null;
            if (binding.VbExtent is { } ve && record.TryGetProperty(ve, out var e) && e.ValueKind == JsonValueKind.String)
            {
                var text = e.GetString();
                extent = Enum.GetValues<VertebralBodyExtent>().Where(x => Loading.Naming.EnumValue(x) == text).Select(x => (VertebralBodyExtent?)x).FirstOrDefault()
                    ?? throw new RecordRejectedException($"{place}.{ve}", $"'{text}' is not focal, left, right or diffuse.");
            }
            var epidural = binding.Epidural is { } ep && record.TryGetProperty(ep, out var x) && x.ValueKind == JsonValueKind.True;
            yield return (new CtvLesion(level, sectors, extent, epidural), place);
        }
    }
}
