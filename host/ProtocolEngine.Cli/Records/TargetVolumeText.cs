using System.Globalization;
using ProtocolEngine.Engine.Treatment;

namespace ProtocolEngine.Cli.Records;

/// <summary>Target volumes as text lines, the same wherever a participant is shown.</summary>
public static class TargetVolumeText
{
    public static string Line(TargetVolume t) =>
        $"  {t.Level}: GTV sector(s) {Sectors(t.GtvSectors)}{(t.VbExtent is { } e ? $" ({e.ToString().ToLowerInvariant()} in the body)" : "")}{(t.Epidural ? ", epidural" : "")}"
        + $" -> CTV {Sectors(t.CtvSectors)}; optional {Sectors(t.OptionalSectors)}; {t.CtvPolicy}{(t.Rule is { } r ? $" row {r}" : "")}"
        + $"{(t.Circumferential ? "; circumferential" : "")}; PTV = CTV + {t.PtvMarginCm.ToString("0.##", CultureInfo.InvariantCulture)} cm";

    public static string Lines(IReadOnlyList<TargetVolume> volumes) => volumes.Count == 0
        ? "  no target volume recorded"
        : string.Join(Environment.NewLine, volumes.Select(Line));

    private static string Sectors(IReadOnlyList<int> sectors) => sectors.Count == 0 ? "none" : string.Join(", ", sectors);
}
