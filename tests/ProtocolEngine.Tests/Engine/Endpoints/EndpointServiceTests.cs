using ProtocolEngine.Engine.Assessments;
using ProtocolEngine.Engine.Endpoints;
using ProtocolEngine.Engine.FollowUp;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Randomization;
using ProtocolEngine.Engine.Reference;
using ProtocolEngine.Engine.Scheduling;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Tests.Records.Support;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Engine.Endpoints;

/// <summary>
/// A small trial with one participant of each kind, and the denominators and counts that the
/// protocol's analysis-set text gives (protocol.yaml, statistics.analysis_sets):
/// itt: "Every randomized participant, in the arm allocated; one without a 3-month assessment, for
/// whatever reason, counts as a non-responder"; pp: "Participants who received the whole planned
/// course (30 Gy in 10 fractions) and were assessed at 3 months".
/// </summary>
public sealed class EndpointServiceTests : IDisposable
{
    private static readonly AnalysisSet Itt = new()
    {
        Id = "itt", Label = "Intention to treat", Population = AnalysisPopulation.Randomized,
        Death = MissingOutcome.NonResponder, LostToFollowUp = MissingOutcome.NonResponder, Withdrawn = MissingOutcome.NonResponder, MissingAssessment = MissingOutcome.NonResponder,
    };

    private static readonly AnalysisSet Pp = new()
    {
        Id = "pp", Label = "Per protocol", Population = AnalysisPopulation.CompletedTreatment,
        Death = MissingOutcome.Excluded, LostToFollowUp = MissingOutcome.Excluded, Withdrawn = MissingOutcome.Excluded, MissingAssessment = MissingOutcome.Excluded,
    };

    private readonly TrialFixture _t;
    private readonly Dictionary<string, string> _who = [];

    public EndpointServiceTests()
    {
        var spine = TestProtocols.Spine();
        var protocol = spine with
        {
            Diary = new DiaryPlan { Label = "Pain diary", DaysAfterEnd = 10, Collect = ["pain", "analgesics"] },
            Endpoints = spine.Endpoints with
            {
                Primary = [spine.Endpoints.Primary[0] with { Visits = ["baseline", "week2", "month3"], Baseline = "baseline", Plugin = "PainResponse", TimePoint = "month3" }],
            },
            Statistics = spine.Statistics with { AnalysisSets = [Itt, Pp] },
        };
        _t = new TrialFixture(protocol, inMemory: true);
        Build();
    }

    public void Dispose() => _t.Dispose();

    private static IReadOnlyList<AnalgesicInput> Morphine(double mg) => mg == 0 ? [] : [new("morphine", mg)];

    /// <summary>Baseline (pain, OMED) and the 3-month (pain, OMED) of each kind; null = not assessed at 3 months.</summary>
    private static readonly (string Kind, int Pain, double Omed, (int Pain, double Omed)? Month3)[] Kinds =
    [
        ("cr", 6, 30, (0, 30)),            // pain 0, analgesics stable: complete response
        ("pr-pain", 6, 30, (4, 30)),       // 2 points down, analgesics stable: partial response
        ("pr-omed", 5, 40, (5, 30)),       // 25% less analgesic, pain stable: partial response
        ("progression", 4, 30, (6, 30)),   // 2 points up, analgesics stable: progression
        ("died", 6, 30, null),             // dies before the 3-month visit
        ("lost", 6, 30, null),             // lost to follow-up before it
        ("missing", 6, 30, null),          // alive and followed, 3-month assessment missing
        ("stopped", 6, 30, (4, 30)),       // partial response, but radiotherapy stopped after 5 of 10 fractions
    ];

    private void Build()
    {
        var coordinator = _t.As("coordinator");
        var assess = new AssessmentService(coordinator, OmedTable.Default);
        foreach (var k in Kinds)
        {
            var p = _t.Enrol();
            _who[k.Kind] = p.Id;
            assess.Record(p.Id, "baseline", null, _t.Today, k.Pain, Morphine(k.Omed));
        }
        var treatment = new TreatmentService(_t.As("investigator"));
        var diary = new DiaryService(coordinator, OmedTable.Default);
        var f = _t.Protocol.Fractionation!;
        var delivered = 0;
        for (var day = TrialFixture.Start.AddDays(1); delivered < f.Fractions; day = day.AddDays(1))
        {
            if (!FractionCalendar.IsTreatmentDay(day, f, _t.Protocol.Sites[0])) continue;
            _t.Clock.SetDate(day);
            delivered++;
            foreach (var k in Kinds)
            {
                if (k.Kind == "stopped" && delivered > 5) continue;
                treatment.Record(_who[k.Kind], day, false);
            }
            if (DiaryPains(delivered) is { } pains)
            {
                diary.Add(_who["cr"], day, pains.Cr, Morphine(30));        // 6 -> 8 -> 6: a flare that returns
                diary.Add(_who["pr-pain"], day, pains.PrPain, Morphine(30)); // 6 -> 8 -> 8: a rise that does not return
            }
            if (delivered == 5)
                treatment.Stop(_who["stopped"], day, StopReason.Toxicity, "");
        }
        var visits = new VisitService(coordinator);
        foreach (var k in Kinds.Where(k => k.Kind is not ("died" or "lost" or "missing" or "stopped")).Append(Kinds.Single(k => k.Kind == "stopped")))
        {
            var week2 = visits.ForParticipant(_who[k.Kind]).Single(o => o.VisitId == "week2");
            Record(assess, k.Kind, "week2", week2.Target, k.Pain, k.Omed);
        }
        var status = new VitalStatusService(_t.As("investigator"));
        _t.Clock.SetDate(new DateOnly(2026, 11, 1));
        status.Set(_who["died"], VitalStatus.Died, _t.Today, DeathCause.Disease, null);
        _t.Clock.SetDate(new DateOnly(2026, 11, 15));
        status.Set(_who["lost"], VitalStatus.LostToFollowUp, _t.Today, null, "no contact since");
        foreach (var k in Kinds.Where(k => k.Month3 is not null))
        {
            var month3 = visits.ForParticipant(_who[k.Kind]).Single(o => o.VisitId == "month3");
            Record(assess, k.Kind, "month3", month3.Target, k.Month3!.Value.Pain, k.Month3.Value.Omed);
        }
        _t.Clock.SetDate(new DateOnly(2027, 1, 31)); // every 3-month window has closed
    }

    private static (int Cr, int PrPain)? DiaryPains(int fraction) => fraction switch { 1 => (6, 6), 2 => (8, 8), 3 => (6, 8), 4 => (6, 8), _ => null };

    private void Record(AssessmentService assess, string kind, string visit, DateOnly date, int pain, double omed)
    {
        _t.Clock.SetDate(date);
        assess.Record(_who[kind], visit, null, date, pain, Morphine(omed));
    }

    private PainReliefReport Report(string? set = null) => new EndpointService(_t.As("statistician"), HostPlugins.PainResponse).PainRelief("month3", set);

    private string ArmOf(string kind) => _t.Store.Read(r => r.ForParticipant<RandomizationRecord>(_who[kind]).Single().ArmId);

    private int CountIn(IEnumerable<string> kinds, string arm) => kinds.Count(k => ArmOf(k) == arm);

    [Fact]
    public void Itt_counts_every_randomized_participant_and_death_loss_and_missing_as_non_responders()
    {
        var rows = Report("itt").Rows;
        Assert.Equal(_t.Protocol.Arms.Count, rows.Count);
        foreach (var row in rows)
        {
            Assert.Equal(CountIn(Kinds.Select(k => k.Kind), row.Arm), row.Denominator);
            Assert.Equal(CountIn(["cr", "pr-pain", "pr-omed", "stopped"], row.Arm), row.Responders);
            Assert.Equal(CountIn(["cr"], row.Arm), row.CompleteResponse);
            Assert.Equal(CountIn(["pr-pain", "pr-omed", "stopped"], row.Arm), row.PartialResponse);
            Assert.Equal(CountIn(["progression"], row.Arm), row.Progression);
            Assert.Equal(CountIn(["died"], row.Arm), row.Died);
            Assert.Equal(CountIn(["lost"], row.Arm), row.LostToFollowUp);
            Assert.Equal(CountIn(["missing"], row.Arm), row.MissingAssessment);
            Assert.Equal(CountIn(["died", "lost", "missing"], row.Arm), row.ImputedNonResponders);
            Assert.Equal(0, row.Excluded);
        }
        Assert.Equal(8, rows.Sum(r => r.Denominator));
        Assert.Equal(4, rows.Sum(r => r.Responders));
    }

    [Fact]
    public void Pp_counts_the_assessable_who_completed_the_course()
    {
        var rows = Report("pp").Rows;
        foreach (var row in rows)
        {
            Assert.Equal(CountIn(["cr", "pr-pain", "pr-omed", "progression"], row.Arm), row.Denominator);
            Assert.Equal(CountIn(["cr", "pr-pain", "pr-omed"], row.Arm), row.Responders);
            Assert.Equal(CountIn(["died", "lost", "missing"], row.Arm), row.Excluded);
            Assert.Equal(CountIn(["stopped"], row.Arm), row.OutsidePopulation);
            Assert.Equal(0, row.ImputedNonResponders);
            Assert.Equal(row.Denominator == 0 ? null : (double)row.Responders / row.Denominator, row.Rate);
        }
        Assert.Equal(4, rows.Sum(r => r.Denominator));
        Assert.Equal(3, rows.Sum(r => r.Responders));
    }

    [Fact]
    public void Flares_come_from_the_diary_against_baseline()
    {
        var flares = Report().Flares;
        Assert.Equal(1, flares.Sum(f => f.Flares));
        Assert.Equal(1, flares.Sum(f => f.Progressions));
        Assert.Equal(CountIn(["cr"], ArmOf("cr")), flares.Single(f => f.Arm == ArmOf("cr")).Flares);
        Assert.Equal(6, flares.Sum(f => f.NotAssessed));
    }

    [Fact]
    public void Names_the_visits_it_knows_when_asked_for_another()
    {
        var ex = Assert.Throws<ProtocolEngine.Engine.Trial.RecordRejectedException>(() =>
            new EndpointService(_t.As("statistician"), HostPlugins.PainResponse).PainRelief("month9"));
        Assert.Equal("visit", ex.Field);
        Assert.Contains("week2, month3", ex.Message, StringComparison.Ordinal);
    }
}
