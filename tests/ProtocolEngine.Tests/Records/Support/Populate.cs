using ProtocolEngine.Engine.Assessments;
using ProtocolEngine.Engine.FollowUp;
using ProtocolEngine.Engine.Safety;
using ProtocolEngine.Engine.Reference;

namespace ProtocolEngine.Tests.Records.Support;

/// <summary>Two participants with every kind of record, one withdrawn.</summary>
public static class Populate
{
    public static void Full(TrialFixture t)
    {
        var a = t.Enrol();
        var b = t.Enrol();
        var s = t.As("investigator");
        new AssessmentService(s, OmedTable.Default).Record(a.Id, "baseline", null, t.Today, 8, [new AnalgesicInput("morphine", 30)]);
        var end = Treat.FullCourse(t, a.Id, TrialFixture.Start);
        t.Clock.SetDate(end.AddDays(14));
        s = t.As("investigator");
        new AssessmentService(s, OmedTable.Default).Record(a.Id, "week2", null, t.Today, 3, [new AnalgesicInput("tramadol", 100)]);
        new AdverseEventService(s, CtcaeCatalog.Default).Add(a.Id, new AdverseEventInput { Term = "Dermatitis radiation", Grade = 1, Onset = end, Relation = Relatedness.Definite });
        new ImagingService(s).Add(a.Id, new ImagingInput
        {
            Date = t.Today, Modality = ImagingModality.Ct, Finding = FindingKind.Fracture, Level = "L1",
            Sins = new SinsInput { Pain = SinsPain.OccasionalNonMechanical, BoneLesion = SinsBoneLesion.Mixed, Alignment = SinsAlignment.Normal, Collapse = SinsCollapse.UnderHalf, PosteriorElements = SinsPosterior.None },
        });
        new WithdrawalService(s).Withdraw(b.Id, "D1", t.Today, "consent withdrawn, \"personal reasons\", by letter");
    }
}
