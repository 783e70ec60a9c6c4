using System.Globalization;
using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Engine.Dose;
using ProtocolEngine.Engine.Loading;
using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Engine.Summary;

/// <summary>Builds the <see cref="ProtocolSummary"/> that <c>describe</c> prints.</summary>
public static class ProtocolSummarizer
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <param name="document">The loaded protocol.</param>
    /// <param name="statistics">The protocol's statistics plugin, to recalculate the stated sample size; null: not recalculated.</param>
    public static ProtocolSummary Summarize(ProtocolDocument document, IStatisticsPlugin? statistics = null)
    {
        var p = document.Protocol;
        var design = $"{Naming.EnumValue(p.Design.Allocation)}, {Naming.EnumValue(p.Design.Model)}, {Naming.EnumValue(p.Design.Hypothesis)}, {Naming.EnumValue(p.Design.Centers)}, {Naming.EnumValue(p.Design.Masking)}";
        return new ProtocolSummary(
            p.Id,
            p.Title,
            $"{p.Registration.Registry} {p.Registration.Number}",
            p.Ethics is { } e ? $"{e.Committee}, approval {e.Approval}" : null,
            p.Phase,
            design,
            p.Sites.Select(s => $"{s.Id}: {s.Name}").ToList(),
            document.ContentHash,
            Criteria(p.Criteria),
            p.Arms.Select(a => new ArmRow(a.Id, a.Name, Naming.EnumValue(a.Role), a.Ratio, a.Ctv is { } c ? $"{c.Policy}: {c.Description}" : null)).ToList(),
            Randomization(p),
            p.Fractionation is { } f ? Fractionation(f) : null,
            Visits(p.Visits),
            p.Endpoints.Primary.Select(x => Endpoint("primary", x)).Concat(p.Endpoints.Secondary.Select(x => Endpoint("secondary", x))).ToList(),
            Statistics(p, statistics));
    }

    private static List<CriterionRow> Criteria(Criteria criteria)
    {
        var rows = new List<CriterionRow>();
        void Add(string kind, IEnumerable<Criterion> list, int depth)
        {
            foreach (var c in list)
            {
                var rule = c.Rule is { } r ? string.Join(" ", r.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim())) : $"{Naming.EnumValue(c.Combine)} of its parts";
                rows.Add(new CriterionRow(kind, c.Id, depth, c.Text, rule));
                Add(kind, c.Parts ?? [], depth + 1);
            }
        }
        Add("inclusion", criteria.Inclusion, 0);
        Add("exclusion", criteria.Exclusion, 0);
        Add("drop-out", criteria.Dropout, 0);
        return rows;
    }

    private static string? Randomization(Protocol p) => p.Randomization is not { } r ? null :
        $"{r.Method} by plugin {r.Plugin}, ratio {string.Join(":", p.Arms.Select(a => a.Ratio))} ({string.Join(":", p.Arms.Select(a => a.Id))})"
        + (r.BlockSizes.Count > 0 ? $", block sizes {string.Join(", ", r.BlockSizes)}" : "")
        + (r.Strata.Count > 0 ? $", stratified by {string.Join(", ", r.Strata)}" : "")
        + (r.Minimization is { } m ? $", minimization on {string.Join(", ", m.Factors.Select(x => $"{x.Factor} (weight {x.Weight.ToString(Inv)})"))} with p = {m.Probability.ToString(Inv)}" : "");

    private static FractionationSummary Fractionation(Fractionation f)
    {
        var days = string.Join(", ", f.TreatmentDays.Select(d => d.ToString()[..3]));
        var prescription = $"{G(f.TotalDoseGy)} Gy in {f.Fractions} fractions of {G(f.DosePerFractionGy)} Gy to {G(f.Prescription.CoveragePercent)}% of the {f.Prescription.Volume}"
                           + (f.PtvMarginCm > 0 ? $" (PTV = CTV + {G(f.PtvMarginCm)} cm)" : "");
        var schedule = $"{f.FractionsPerDay} a day on {days}" + (f.Energy is { } e ? $", {e}" : "") + (f.Technique is { } t ? $", {t}" : "");
        var dose = f.AlphaBetaGy.Select(ab => new DoseRow(ab, LinearQuadratic.Bed(f.Fractions, f.DosePerFractionGy, ab), LinearQuadratic.Eqd2(f.Fractions, f.DosePerFractionGy, ab))).ToList();
        return new FractionationSummary(prescription, schedule, dose);
    }

    private static List<VisitRow> Visits(IReadOnlyList<Visit> visits)
    {
        var rows = new List<VisitRow>();
        foreach (var v in visits)
        {
            var anchor = Naming.EnumValue(v.Anchor).Replace('-', ' ');
            var window = $"-{v.Window.BeforeDays} / +{v.Window.AfterDays} days";
            var collect = string.Join(", ", v.Collect);
            if (v.Months is { } months && v.Repeat is { } repeat)
            {
                for (var m = months; m <= repeat.UntilMonth; m += repeat.EveryMonths)
                    rows.Add(new VisitRow(v.Id, v.Label, $"month {m} after {anchor}", window, collect));
            }
            else
            {
                rows.Add(new VisitRow(v.Id, v.Label, When(v, anchor), window, collect));
            }
        }
        return rows;
    }

    private static string When(Visit v, string anchor)
    {
        var (amount, unit) = v.Days is { } d ? (d, "day") : v.Weeks is { } w ? (w, "week") : (v.Months ?? 0, "month");
        if (amount == 0) return $"at {anchor}";
        var plural = Math.Abs(amount) == 1 ? unit : unit + "s";
        return amount < 0 ? $"{-amount} {plural} before {anchor}" : $"{amount} {plural} after {anchor}";
    }

    private static EndpointRow Endpoint(string kind, Endpoint e) =>
        new(kind, e.Id, e.Label, string.Join("; ", new[] { e.Instrument, e.Coding }.Where(x => x is not null)), string.Join(", ", e.Visits));

    private static List<string> Statistics(Protocol p, IStatisticsPlugin? plugin)
    {
        var s = p.Statistics;
        var lines = new List<string>
        {
            $"{Naming.EnumValue(s.Hypothesis)} on {s.PrimaryEndpoint}: {s.ExperimentalArm} vs {s.ControlArm}"
            + (s.Margin is { } m ? $", margin {G(m)} (H0: p_{s.ExperimentalArm} - p_{s.ControlArm} <= {G(m)})" : ""),
            $"{Naming.EnumValue(s.Sides)}-sided alpha {G(s.Alpha)}, power {G(s.Power)}" + (s.ReportedPower is { } rp ? $" (reported {G(rp)})" : ""),
            $"sample size {s.SampleSize} including {G(s.DropoutRate * 100)}% expected loss to follow-up" + (s.Method is { } method ? $"; {method}" : ""),
            $"{G(s.ConfidenceLevel * 100)}% confidence intervals",
        };
        if (s.AssumedRates is { } rates)
            lines.Add($"assumed response rates: {s.ExperimentalArm} {rates.Experimental?.ToString(Inv) ?? "?"}, {s.ControlArm} {rates.Control?.ToString(Inv) ?? "?"}");
        lines.AddRange(SampleSizeCheck.Lines(p, plugin));
        lines.AddRange(s.Analyses.Select(a => $"{a.Endpoint}: {a.Method}" + (a.Description is { } d ? $" ({d})" : "")));
        return lines;
    }

    /// <summary>A figure as describe prints it: invariant, at most three decimals.</summary>
    internal static string G(double value) => value.ToString("0.###", Inv);
}
