using ProtocolEngine.Engine.Assessments;
using ProtocolEngine.Engine.Endpoints;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Reference;
using ProtocolEngine.Engine.Reporting;
using ProtocolEngine.Engine.Scheduling;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Tests.Records.Support;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Engine.Endpoints;

/// <summary>
/// Assessability by the International Consensus on Palliative Radiotherapy Endpoints (Chow et al., IJROBP 2012;82(5):1730-7;
/// ../shared/DOMAIN.md: "The consensus also asks for a baseline worst pain of at least 2"; a partial response is "a pain
/// reduction of >= 2 points", which a baseline of 0 or 1 cannot show). The protocol states the rule (endpoint
/// <c>assessable.min_baseline_worst_pain: 2</c> with its source) and each analysis set how a participant who is not
/// assessable counts (<c>not_assessable</c>; default as <c>missing_assessment</c>). Four participants in alternating arms,
/// all treated in full, all assessed at 3 months with worst pain 0 and unchanged analgesics, which the plugin alone
/// classifies as a complete response: baselines 1 (not assessable), 0 (not assessable), 2 (assessable: the boundary)
/// and 6 (assessable).
/// </summary>
public sealed class PainAssessabilityTests : IDisposable
{
    private static readonly AnalysisSet Itt = new()
    {
        Id = "itt", Label = "Intention to treat", Population = AnalysisPopulation.Randomized,
        Death = MissingOutcome.NonResponder, LostToFollowUp = MissingOutcome.NonResponder, Withdrawn = MissingOutcome.NonResponder,
        MissingAssessment = MissingOutcome.NonResponder, NotAssessable = MissingOutcome.NonResponder,
    };

    private static readonly AnalysisSet Pp = new()
    {
        Id = "pp", Label = "Per protocol", Population = AnalysisPopulation.CompletedTreatment,
        Death = MissingOutcome.Excluded, LostToFollowUp = MissingOutcome.Excluded, Withdrawn = MissingOutcome.Excluded,
        MissingAssessment = MissingOutcome.Excluded, NotAssessable = MissingOutcome.Excluded,
    };

    /// <summary>Pp's rules without not_assessable: it counts as a missing assessment does (excluded).</summary>
    private static readonly AnalysisSet PpDefault = Pp with { Id = "pp-default", NotAssessable = null };

    private static readonly int[] Baselines = [1, 0, 2, 6];

    private static readonly PainAssessability Rule = new() { MinBaselineWorstPain = 2, Source = "Chow et al. 2012" };

    private TrialFixture? _t;

    public void Dispose() => _t?.Dispose();

    private TrialFixture Trial(PainAssessability? rule)
    {
        var spine = TestProtocols.Spine();
        var protocol = spine with
        {
            Endpoints = spine.Endpoints with
            {
                Primary = [spine.Endpoints.Primary[0] with
                {
                    Visits = ["baseline", "week2", "month3"], Baseline = "baseline", Plugin = "PainResponse", TimePoint = "month3", Assessable = rule,
                }],
            },
            Statistics = spine.Statistics with { AnalysisSets = [Itt, Pp, PpDefault], PrimaryAnalysisSet = "pp", SizeMethod = "farrington-manning" },
        };
        var t = _t = new TrialFixture(protocol, inMemory: true);
        var coordinator = t.As("coordinator");
        var assess = new AssessmentService(coordinator, OmedTable.Default);
        var allocator = new AlternatingAllocator();
        var ids = new List<string>();
        foreach (var pain in Baselines)
        {
            var p = t.Enrol(allocator: allocator);
            ids.Add(p.Id);
            assess.Record(p.Id, "baseline", null, t.Today, pain, [new("morphine", 30)]);
        }
        var treatment = new TreatmentService(t.As("investigator"));
        var f = t.Protocol.Fractionation!;
        var delivered = 0;
        for (var day = TrialFixture.Start.AddDays(1); delivered < f.Fractions; day = day.AddDays(1))
        {
            if (!FractionCalendar.IsTreatmentDay(day, f, t.Protocol.Sites[0])) continue;
            t.Clock.SetDate(day);
            delivered++;
            foreach (var id in ids) treatment.Record(id, day, false);
        }
        var visits = new VisitService(coordinator);
        foreach (var id in ids)
        {
            var month3 = visits.ForParticipant(id).Single(o => o.VisitId == "month3");
            t.Clock.SetDate(month3.Target);
            assess.Record(id, "month3", null, month3.Target, 0, [new("morphine", 30)]);
        }
        t.Clock.SetDate(new DateOnly(2027, 1, 31));
        return t;
    }

    private static PainReliefReport Relief(TrialFixture t) => new EndpointService(t.As("statistician"), HostPlugins.PainResponse).PainRelief("month3");

    [Fact]
    public void Without_the_rule_a_baseline_below_2_responds_completely()
    {
        // The plugin alone: worst pain 0 with no OMED increase is a complete response whatever the baseline.
        var rows = Relief(Trial(rule: null)).Rows.Where(r => r.Set == "itt").ToList();
        Assert.Equal(4, rows.Sum(r => r.CompleteResponse));
        Assert.Equal(0, rows.Sum(r => r.NotAssessable));
    }

    [Fact]
    public void Baselines_below_2_are_not_assessable_and_counted_as_the_set_says()
    {
        var relief = Relief(Trial(Rule));
        var itt = relief.Rows.Where(r => r.Set == "itt").ToList();
        Assert.Equal(2, itt.Sum(r => r.NotAssessable));      // baselines 1 and 0
        Assert.Equal(2, itt.Sum(r => r.CompleteResponse));   // baselines 2 (the boundary is assessable) and 6
        Assert.Equal(4, itt.Sum(r => r.Denominator));        // itt: not assessable = non-responder
        Assert.Equal(2, itt.Sum(r => r.ImputedNonResponders));
        Assert.Equal(2, itt.Sum(r => r.Responders));
        var pp = relief.Rows.Where(r => r.Set == "pp").ToList();
        Assert.Equal(2, pp.Sum(r => r.Denominator));         // pp: the consensus' assessable patients only
        Assert.Equal(2, pp.Sum(r => r.Excluded));
        Assert.All(pp.Where(r => r.Denominator > 0), r => Assert.Equal(1.0, r.Rate));
        var byDefault = relief.Rows.Where(r => r.Set == "pp-default").ToList();
        Assert.Equal(2, byDefault.Sum(r => r.Excluded));     // as missing_assessment (excluded)
        Assert.Equal(2, relief.NotAssessable.Values.Sum());
        Assert.Equal(2, relief.Assessable!.MinBaselineWorstPain);
    }

    [Fact]
    public void The_report_flow_says_who_is_not_assessable_and_why()
    {
        var report = new TrialReportService(Trial(Rule).As("statistician"), HostPlugins.PainResponse, HostPlugins.Statistics).Build();
        Assert.Equal(2, report.Consort.Arms.Sum(a => a.NotAssessable));
        Assert.All(report.Consort.Arms, a => Assert.Equal("baseline worst pain below 2", a.NotAssessableReason));
        var ppReasons = report.Consort.Arms.SelectMany(a => a.Analysed).Where(s => s.Set == "pp").SelectMany(s => s.ExcludedReasons).ToList();
        Assert.Equal(2, ppReasons.Where(r => r.Id == "not-assessable").Sum(r => r.Count));
        Assert.All(ppReasons, r => Assert.Equal("not assessable (baseline worst pain below 2)", r.Text));
        Assert.Empty(report.Consort.Arms.SelectMany(a => a.Analysed).Where(s => s.Set == "itt").SelectMany(s => s.ExcludedReasons));
        var text = ReportText.Render(report);
        Assert.Contains("not assessable (baseline worst pain below 2)", text, StringComparison.Ordinal);
        // The html CONSORT diagram: alternating arms give each arm one of the baselines 1 and 0.
        // The diagram wraps long lines over several <text> elements: read its text back joined by spaces.
        var html = ProtocolEngine.Reporting.Html.HtmlReport.Render(report);
        var drawn = string.Join(" ", System.Text.RegularExpressions.Regex.Matches(html, "<text[^>]*>([^<]*)</text>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value).Trim().Replace('\u00a0', ' ')));
        Assert.Equal(2, drawn.Split("Not assessable: baseline worst pain below 2 (n = 1)").Length - 1);
        // Excluded by pp and by pp-default (as missing_assessment) in each of the two arms; itt counts them as non-responders.
        Assert.Equal(4, drawn.Split("excluded, not assessable (baseline worst pain below 2) (n = 1)").Length - 1);
    }
}
