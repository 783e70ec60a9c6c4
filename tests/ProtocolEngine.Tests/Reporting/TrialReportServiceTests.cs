using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Engine.Assessments;
using ProtocolEngine.Engine.FollowUp;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Reference;
using ProtocolEngine.Engine.Reporting;
using ProtocolEngine.Engine.Safety;
using ProtocolEngine.Engine.Scheduling;
using ProtocolEngine.Engine.Screening;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Tests.Records.Support;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Reporting;

/// <summary>
/// A trial built through the engine's services whose every count is known by construction: 8 registered, one
/// ineligible for I3 (ECOG 0-1), one eligible but never randomized, 6 randomized alternately (local, whole, ...):
/// A (local) complete response, B (whole) partial, C (local) progression, D (whole) stopped after 5 fractions for
/// toxicity and died before 3 months, G (local) partial, F (whole) indeterminate; adverse events A: fatigue 1 and 2,
/// nausea 1; B: fatigue 3; D: dermatitis radiation 2; a pain flare in A's diary.
/// </summary>
public sealed class TrialReportServiceTests : IDisposable
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

    /// <summary>Randomized in this order (the allocator alternates local, whole): baseline and 3-month (worst pain, OMED); null = no 3-month assessment.</summary>
    private static readonly (string Kind, string Arm, int Pain, (int Pain, double Omed)? Month3)[] Kinds =
    [
        ("A", "local", 6, (0, 30)),   // complete response
        ("B", "whole", 6, (4, 30)),   // partial response (2 points down)
        ("C", "local", 4, (6, 30)),   // progression (2 points up)
        ("D", "whole", 6, null),      // stopped after 5 fractions (toxicity), died before 3 months
        ("G", "local", 6, (4, 30)),   // partial response
        ("F", "whole", 6, (6, 30)),   // indeterminate (no change)
    ];

    private readonly TrialFixture _t;
    private readonly Dictionary<string, string> _who = [];
    private readonly TrialReport _report;

    public TrialReportServiceTests()
    {
        var spine = TestProtocols.Spine();
        var protocol = spine with
        {
            Diary = new DiaryPlan { Label = "Pain diary", DaysAfterEnd = 10, Collect = ["pain", "analgesics"] },
            Endpoints = spine.Endpoints with
            {
                Primary = [spine.Endpoints.Primary[0] with { Visits = ["baseline", "week2", "month3"], Baseline = "baseline", Plugin = "PainResponse", TimePoint = "month3" }],
            },
            Statistics = spine.Statistics with { AnalysisSets = [Itt, Pp], PrimaryAnalysisSet = "pp", SizeMethod = "farrington-manning", ConfidenceLevel = 0.95 },
        };
        _t = new TrialFixture(protocol, inMemory: true);
        Build();
        _report = new TrialReportService(_t.As("statistician"), HostPlugins.PainResponse, HostPlugins.Statistics).Build();
    }

    public void Dispose() => _t.Dispose();

    private static IReadOnlyList<AnalgesicInput> Morphine(double mg) => [new("morphine", mg)];

    private void Build()
    {
        var coordinator = _t.As("coordinator");
        var participants = new ParticipantService(coordinator);
        var screening = new ScreeningService(coordinator, new UnevaluatedScreening(_t.Protocol));
        var ineligible = participants.Register("mch", null, "IN", 1960, Sex.Male, _t.Today);
        screening.Screen(ineligible.Id, TrialFixture.Variables(ecog: 3), new Dictionary<string, bool>(TrialFixture.AllMet()) { ["I3"] = false });
        _t.Enrol(randomize: false); // eligible, never randomized
        var allocator = new AlternatingAllocator();
        var assess = new AssessmentService(coordinator, OmedTable.Default);
        foreach (var k in Kinds)
        {
            var p = _t.Enrol(allocator: allocator);
            _who[k.Kind] = p.Id;
            assess.Record(p.Id, "baseline", null, _t.Today, k.Pain, Morphine(30));
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
            foreach (var k in Kinds.Where(k => k.Kind != "D" || delivered <= 5))
                treatment.Record(_who[k.Kind], day, false);
            if (delivered <= 4)
                diary.Add(_who["A"], day, delivered == 2 ? 8 : 6, Morphine(30)); // 6 -> 8 -> 6: a flare that returns
            if (delivered == 5)
            {
                treatment.Stop(_who["D"], day, StopReason.Toxicity, "");
                var ae = new AdverseEventService(_t.As("investigator"), CtcaeCatalog.Default);
                void Ae(string kind, string term, int grade) => ae.Add(_who[kind], new AdverseEventInput { Term = term, Grade = grade, Onset = day, Relation = Relatedness.Possible });
                Ae("A", "Fatigue", 1);
                Ae("A", "Fatigue", 2);
                Ae("A", "Nausea", 1);
                Ae("B", "Fatigue", 3);
                Ae("D", "Dermatitis radiation", 2);
            }
        }
        _t.Clock.SetDate(new DateOnly(2026, 11, 1));
        new VitalStatusService(_t.As("investigator")).Set(_who["D"], VitalStatus.Died, _t.Today, DeathCause.Disease, null);
        var visits = new VisitService(coordinator);
        foreach (var k in Kinds.Where(k => k.Month3 is not null))
        {
            var month3 = visits.ForParticipant(_who[k.Kind]).Single(o => o.VisitId == "month3");
            _t.Clock.SetDate(month3.Target);
            assess.Record(_who[k.Kind], "month3", null, month3.Target, k.Month3!.Value.Pain, Morphine(k.Month3.Value.Omed));
        }
        _t.Clock.SetDate(new DateOnly(2027, 1, 31)); // every 3-month window has closed
    }

    [Fact]
    public void The_records_are_read_once_with_one_scan_of_each_collection_and_no_lookup()
    {
        var counting = new CountingStore(_t.Store);
        var session = ProtocolEngine.Engine.Trial.TrialDatabase.Open(counting, _t.Protocol, "statistician", TrialFixture.Password, _t.Clock, upgradeHash: false);
        counting.Reset(); // opening the session authenticates: not the report's reading
        var again = new TrialReportService(session, HostPlugins.PainResponse, HostPlugins.Statistics).Build();
        Assert.Equal(1, counting.Reads);
        Assert.Equal(0, counting.Lookups);
        Assert.All(counting.Scans, s => Assert.True(s.Value == 1, $"{s.Key} scanned {s.Value} times"));
        foreach (var collection in new[] { "Participant", "ScreeningRecord", "RandomizationRecord", "FractionRecord", "TreatmentStop", "Assessment",
                     "DiaryEntry", "AdverseEvent", "VitalStatusRecord", "Withdrawal", "VisitRecord" })
            Assert.True(counting.Scans.ContainsKey(collection), collection + " not scanned");
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(_report), System.Text.Json.JsonSerializer.Serialize(again));
    }

    [Fact]
    public void Arms_come_out_as_the_alternating_allocator_gave_them() =>
        Assert.All(Kinds, k => Assert.Equal(k.Arm, _t.Store.Read(r => r.ForParticipant<ProtocolEngine.Engine.Randomization.RandomizationRecord>(_who[k.Kind]).Single().ArmId)));

    [Fact]
    public void Consort_counts_screening_allocation_treatment_follow_up_and_analysis()
    {
        var c = _report.Consort;
        Assert.Equal((8, 8, 1, 0, 1, 6), (c.Registered, c.Screened, c.Ineligible, c.ScreeningIncomplete, c.EligibleNotRandomized, c.Randomized));
        var reason = Assert.Single(c.IneligibleReasons);
        Assert.Equal(("I3", "ECOG 0-1", 1), (reason.Id, reason.Text, reason.Count));
        var local = c.Arms.Single(a => a.Arm == "local");
        var whole = c.Arms.Single(a => a.Arm == "whole");
        Assert.Equal((3, 3, 0, 3, 0, 0), (local.Randomized, local.Treated, local.NotTreated, local.CompletedCourse, local.StoppedEarly, local.Died));
        Assert.Equal((3, 3, 0, 2, 1, 1), (whole.Randomized, whole.Treated, whole.NotTreated, whole.CompletedCourse, whole.StoppedEarly, whole.Died));
        Assert.Equal(("toxicity", 1), (Assert.Single(whole.StopReasons).Id, whole.StopReasons[0].Count));
        Assert.Equal([("baseline", 3), ("month3", 3)], local.Assessed.Select(v => (v.Visit, v.Count)));
        Assert.Equal([("baseline", 3), ("month3", 2)], whole.Assessed.Select(v => (v.Visit, v.Count)));
        // itt: everyone; pp: the whole course and assessed (D stopped early: outside the population).
        Assert.Equal([("itt", 3, 0), ("pp", 3, 0)], local.Analysed.Select(s => (s.Set, s.Analysed, s.OutsidePopulation)));
        Assert.Equal([("itt", 3, 0), ("pp", 2, 1)], whole.Analysed.Select(s => (s.Set, s.Analysed, s.OutsidePopulation)));
    }

    [Fact]
    public void Primary_endpoint_counts_responders_per_set_at_the_time_point()
    {
        var itt = At("itt");
        Assert.Equal((2, 3, 1, 1), (itt.Experimental.Responders, itt.Experimental.Denominator, itt.Experimental.CompleteResponse, itt.Experimental.Progression));
        Assert.Equal((1, 3, 1, 1), (itt.Control.Responders, itt.Control.Denominator, itt.Control.ImputedNonResponders, itt.Control.Indeterminate));
        var pp = At("pp");
        Assert.Equal((2, 3), (pp.Experimental.Responders, pp.Experimental.Denominator));
        Assert.Equal((1, 2, 1), (pp.Control.Responders, pp.Control.Denominator, pp.Control.OutsidePopulation));
        Assert.True(_report.Primary.Sets.Single(s => s.Set == "pp").Primary);
        Assert.Equal(2.0 / 3 - 1.0 / 3, itt.Difference!.Value, 12);
    }

    [Fact]
    public void Intervals_and_the_test_are_the_plugins_with_the_methods_the_plan_implies()
    {
        var stats = HostPlugins.Statistics;
        foreach (var set in new[] { "itt", "pp" })
        {
            var v = At(set);
            var wilson = stats.ProportionInterval(v.Experimental.Responders, v.Experimental.Denominator, 0.95, ProportionIntervalMethod.Wilson);
            Assert.Equal((wilson.Lower, wilson.Upper), (v.Experimental.Lower!.Value, v.Experimental.Upper!.Value));
            var table = new TwoByTwoTable(v.Experimental.Responders, v.Experimental.Denominator, v.Control.Responders, v.Control.Denominator);
            var mn = stats.DifferenceInterval(table, 0.95, DifferenceIntervalMethod.MiettinenNurminen);
            Assert.Equal((mn.Lower, mn.Upper), (v.DifferenceLower!.Value, v.DifferenceUpper!.Value));
            Assert.Equal(stats.FarringtonManning(table, -0.15).P, v.FarringtonManningP!.Value);
            // Three per arm cannot exclude a 15-point loss.
            Assert.Equal(NonInferiorityConclusion.NotShown, v.Conclusion);
        }
        // R: prop.test(2, 3, correct = FALSE)$conf.int = 0.2076596 0.9385081 (the Wilson score interval).
        Assert.Equal(0.2076596, At("itt").Experimental.Lower!.Value, 6);
        Assert.Equal(0.9385081, At("itt").Experimental.Upper!.Value, 6);
        Assert.Equal("Miettinen-Nurminen score", _report.Methods.DifferenceInterval);
    }

    [Fact]
    public void Adverse_events_count_each_participant_once_at_the_worst_grade()
    {
        var rows = _report.AdverseEvents.Rows;
        Assert.Equal(["Any adverse event", "Fatigue", "Dermatitis radiation", "Nausea"], rows.Select(r => r.Term));
        Assert.Equal([("local", 3), ("whole", 3)], _report.AdverseEvents.Denominators.Select(d => (d.Arm, d.Count)));
        (int Participants, int G1, int G2, int G3) Of(string term, string arm) =>
            rows.Single(r => r.Term == term).Arms.Single(a => a.Arm == arm) is var g ? (g.Participants, g.Grade1, g.Grade2, g.Grade3) : default;
        Assert.Equal((1, 0, 1, 0), Of("Any adverse event", "local"));     // A: worst grade 2 of fatigue 1, 2 and nausea 1
        Assert.Equal((2, 0, 1, 1), Of("Any adverse event", "whole"));     // B 3, D 2
        Assert.Equal((1, 0, 1, 0), Of("Fatigue", "local"));               // A twice, counted once at grade 2
        Assert.Equal((1, 0, 0, 1), Of("Fatigue", "whole"));
        Assert.Equal((1, 1, 0, 0), Of("Nausea", "local"));
        Assert.Equal((0, 0, 0, 0), Of("Nausea", "whole"));
        // R: fisher.test(matrix(c(1, 2, 2, 1), 2))$p.value = 1 (any event 1/3 against 2/3).
        Assert.Equal(1.0, rows[0].FisherP!.Value, 12);
        foreach (var row in rows)
        {
            var (e, c) = (row.Arms.Single(a => a.Arm == "local").Participants, row.Arms.Single(a => a.Arm == "whole").Participants);
            Assert.Equal(HostPlugins.Statistics.FisherExactP(new TwoByTwoTable(e, 3, c, 3), FisherAlternative.TwoSided), row.FisherP);
        }
    }

    [Fact]
    public void Flares_and_mean_worst_pain_come_from_the_diary_and_the_assessments()
    {
        var local = _report.Flares.Single(f => f.Arm == "local");
        Assert.Equal((1, 1, 2), (local.Flares, local.Assessed, local.NotAssessed));
        Assert.Equal((0, 3), (_report.Flares.Single(f => f.Arm == "whole").Assessed, _report.Flares.Single(f => f.Arm == "whole").NotAssessed));
        PainVisitMean Mean(string visit, string arm) => _report.MeanWorstPain.Single(p => p.Visit == visit && p.Arm == arm);
        Assert.Equal((3, 16.0 / 3), (Mean("baseline", "local").N, Mean("baseline", "local").Mean!.Value));
        Assert.Equal((3, 6.0, 0.0), (Mean("baseline", "whole").N, Mean("baseline", "whole").Mean!.Value, Mean("baseline", "whole").Sd!.Value));
        Assert.Equal(10.0 / 3, Mean("month3", "local").Mean!.Value, 12);
        Assert.Equal(Math.Sqrt(28.0 / 3), Mean("month3", "local").Sd!.Value, 12); // 0, 6, 4: variance (100/9 + 64/9 + 4/9) / 2 = 28/3
        Assert.Equal((2, 5.0), (Mean("month3", "whole").N, Mean("month3", "whole").Mean!.Value));
        Assert.Equal(["baseline", "month3"], _report.MeanWorstPain.Select(p => p.Visit).Distinct());
    }

    [Fact]
    public void Text_renders_every_section_with_no_escape_codes()
    {
        var text = ReportText.Render(_report);
        foreach (var heading in new[] { "Participant flow (CONSORT)", "Primary endpoint", "Adverse events", "Pain flare", "Mean worst pain by visit", "Methods" })
            Assert.Contains(heading, text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
        Assert.Contains("I3 ECOG 0-1 (n = 1)", text, StringComparison.Ordinal);
    }

    private VisitComparison At(string set) => _report.Primary.Sets.Single(s => s.Set == set).Visits.Single(v => v.IsTimePoint);
}
