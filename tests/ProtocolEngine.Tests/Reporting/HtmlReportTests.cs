using ProtocolEngine.Engine.Endpoints;
using ProtocolEngine.Engine.Reporting;
using ProtocolEngine.Reporting.Html;

namespace ProtocolEngine.Tests.Reporting;

/// <summary>The html renderer on report models made by hand: text from the protocol and the records never becomes markup.</summary>
public sealed class HtmlReportTests
{
    private const string Script = "<script>alert(1)</script>";

    private static TrialReport Hostile() => new()
    {
        TrialId = "t", Title = "Trial " + Script, Registration = "R & <b>1</b>", ProtocolVersion = "abc",
        Arms = [new ReportArm { Id = "a", Name = "Arm " + Script, Role = "experimental" }, new ReportArm { Id = "b", Name = "B\"><img src=x onerror=alert(1)>", Role = "control" }],
        Consort = new ConsortFlow
        {
            Registered = 2, Screened = 2, Ineligible = 1, Randomized = 1,
            IneligibleReasons = [new ReasonCount { Id = "I1", Text = "Criterion " + Script, Count = 1 }],
            Arms = [new ConsortArm { Arm = "a", Randomized = 1, Treated = 1, CompletedCourse = 1 }, new ConsortArm { Arm = "b" }],
        },
        Primary = new PrimaryEndpointResult { Label = "Pain " + Script, ExperimentalArm = "a", ControlArm = "b", ConfidenceLevel = 0.95, Margin = -0.15 },
        AdverseEvents = new AdverseEventTable
        {
            Denominators = [new ArmCount { Arm = "a", Count = 1 }, new ArmCount { Arm = "b", Count = 0 }],
            Rows = [new AdverseEventRow { Term = "Term " + Script, Arms = [new ArmGrades { Arm = "a", Participants = 1, Grade2 = 1 }, new ArmGrades { Arm = "b" }] }],
        },
        Flares = [new FlareCount { Arm = "a" }, new FlareCount { Arm = "b" }],
        MeanWorstPain = [new PainVisitMean { Visit = "baseline", Label = "base" + Script, Arm = "a", N = 1, Mean = 6 }],
        Methods = new ReportMethods { PlanMethod = "Method " + Script, AnalysisSets = [new SetDefinition { Id = "itt", Label = "ITT " + Script, Rules = "r" }] },
    };

    [Fact]
    public void Text_from_the_protocol_and_the_records_is_encoded_never_markup()
    {
        var html = HtmlReport.Render(Hostile());
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>1</b>", html, StringComparison.Ordinal);
        Assert.Contains("Trial &lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Criterion &lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_without_an_analysis_says_so_and_has_no_nan()
    {
        var html = HtmlReport.Render(Hostile() with { MeanWorstPain = [] });
        Assert.Contains("No pain assessments yet.", html, StringComparison.Ordinal);
        Assert.Contains("No participant has reached the primary time point yet.", html, StringComparison.Ordinal);
        Assert.Contains("No participant has been screened yet", HtmlReport.Render(new TrialReport()), StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", html, StringComparison.Ordinal);
    }
}
