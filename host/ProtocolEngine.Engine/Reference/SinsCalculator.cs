using System.Text.RegularExpressions;
using ProtocolEngine.Engine.Safety;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Engine.Reference;

/// <summary>
/// Spinal Instability Neoplastic Score (Fisher et al., Spine 2010) as DOMAIN.md gives it. Location from
/// the level: junctional (occiput-C2, C7-T2, T11-L1, L5-S1) 3; mobile (C3-C6, L2-L4) 2; semirigid
/// (T3-T10) 1; rigid (S2-S5) 0. Total 0-6 stable, 7-12 potentially unstable, 13-18 unstable.
/// </summary>
public static partial class SinsCalculator
{
    [GeneratedRegex("^(C[1-7]|T([1-9]|1[0-2])|L[1-5]|S[1-5]|OCCIPUT)$")]
    private static partial Regex LevelPattern();

    public static string NormalizeLevel(string level, string field)
    {
        var l = level.Trim().ToUpperInvariant();
        if (!LevelPattern().IsMatch(l))
            throw new RecordRejectedException(field, $"'{level}' is not a vertebral level (C1-C7, T1-T12, L1-L5, S1-S5 or occiput).");
        return l;
    }

    public static int LocationScore(string level)
    {
        var l = NormalizeLevel(level, "level");
        if (l == "OCCIPUT") return 3;
        var n = int.Parse(l[1..], System.Globalization.CultureInfo.InvariantCulture);
        return (l[0], n) switch
        {
            ('C', <= 2) or ('C', 7) or ('T', <= 2) or ('T', >= 11) or ('L', 1) or ('L', 5) or ('S', 1) => 3,
            ('C', _) or ('L', _) => 2,
            ('T', _) => 1,
            _ => 0,
        };
    }

    public static SinsScore Score(SinsInput input)
    {
        var location = LocationScore(input.Level);
        var pain = input.Pain switch { SinsPain.Mechanical => 3, SinsPain.OccasionalNonMechanical => 1, _ => 0 };
        var lesion = input.BoneLesion switch { SinsBoneLesion.Lytic => 2, SinsBoneLesion.Mixed => 1, _ => 0 };
        var alignment = input.Alignment switch { SinsAlignment.Subluxation => 4, SinsAlignment.DeNovoDeformity => 2, _ => 0 };
        var collapse = input.Collapse switch { SinsCollapse.OverHalf => 3, SinsCollapse.UnderHalf => 2, SinsCollapse.NoneOverHalfInvolved => 1, _ => 0 };
        var posterior = input.PosteriorElements switch { SinsPosterior.Bilateral => 3, SinsPosterior.Unilateral => 1, _ => 0 };
        var total = location + pain + lesion + alignment + collapse + posterior;
        return new SinsScore
        {
            Location = location, Pain = pain, BoneLesion = lesion, Alignment = alignment, Collapse = collapse, PosteriorElements = posterior,
            Total = total, Category = total <= 6 ? SinsCategory.Stable : total <= 12 ? SinsCategory.PotentiallyUnstable : SinsCategory.Unstable,
        };
    }
}
