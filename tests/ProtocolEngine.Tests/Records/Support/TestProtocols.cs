using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Tests.Records.Support;

/// <summary>The seed trial (ChiCTR1900023401) as model records, as far as the records services need it.</summary>
public static class TestProtocols
{
    public static readonly DateOnly Holiday = new(2026, 10, 1);

    public static Protocol Spine() => new()
    {
        SchemaVersion = 1,
        Id = "spine-rt",
        Title = "Local versus whole vertebral radiotherapy for painful spinal metastases",
        Version = "1.0",
        Registration = new Registration { Registry = "ChiCTR", Number = "ChiCTR1900023401" },
        Phase = "II",
        Design = new Design { Allocation = Allocation.Randomized, Model = InterventionModel.Parallel, Hypothesis = Hypothesis.NonInferiority, Centers = Centers.SingleCenter },
        Sites = [new Site { Id = "mch", Name = "Mianyang Central Hospital", Country = "CN", TimeZone = "Asia/Shanghai", Holidays = [Holiday, new(2026, 10, 2)] }],
        CodeLists = new Dictionary<string, IReadOnlyList<CodeItem>>
        {
            ["primary"] = [new CodeItem { Code = "lung", Label = "Lung" }, new CodeItem { Code = "breast", Label = "Breast" }, new CodeItem { Code = "other", Label = "Other" }],
        },
        Variables =
        [
            new Variable { Id = "age", Label = "Age", Type = VariableType.Integer, Unit = "a", Min = 18, Max = 100 },
            new Variable { Id = "ecog", Label = "ECOG performance status", Type = VariableType.Integer, Min = 0, Max = 5 },
            new Variable { Id = "primary_tumour", Label = "Primary tumour", Type = VariableType.Code, CodeList = "primary" },
            new Variable { Id = "vertebral_metastases", Label = "Number of vertebral metastases", Type = VariableType.Integer, Min = 0, Max = 30 },
            new Variable { Id = "worst_pain", Label = "Worst pain (NRS)", Type = VariableType.Integer, Min = 0, Max = 10 },
            new Variable { Id = "cord_compression", Label = "Tumour compresses the spinal cord", Type = VariableType.Boolean },
            new Variable { Id = "diagnosed_on", Label = "Date of diagnosis", Type = VariableType.Date },
            new Variable { Id = "dropout_reason", Label = "Reason for leaving the study (D1-D4)", Type = VariableType.Text },
        ],
        Criteria = new Criteria
        {
            Inclusion =
            [
                new Criterion { Id = "I1", Text = "Pathologically confirmed malignancy with spinal metastases", Rule = "true" },
                new Criterion { Id = "I2", Text = "Discontinuous vertebral metastases <= 3, no cord compression", Rule = "vertebral_metastases <= 3 && !cord_compression" },
                new Criterion { Id = "I3", Text = "ECOG 0-1", Rule = "ecog <= 1" },
            ],
            Exclusion =
            [
                new Criterion { Id = "E1", Text = "Diffuse bone destruction (myeloma, lymphoma, leukaemia)", Rule = "false" },
                new Criterion { Id = "E5", Text = "Surgery or radiotherapy to the target lesion in the past six months", Rule = "false" },
            ],
            Dropout =
            [
                new Criterion { Id = "D1", Rule = "dropout_reason == \"D1\"", Text = "Withdrawal of informed consent" },
                new Criterion { Id = "D2", Rule = "dropout_reason == \"D2\"", Text = "Researchers discontinue for the patient's safety" },
                new Criterion { Id = "D3", Rule = "dropout_reason == \"D3\"", Text = "Toxic side effects" },
                new Criterion { Id = "D4", Rule = "dropout_reason == \"D4\"", Text = "Researchers' judgement" },
            ],
        },
        Arms =
        [
            new Arm { Id = "local", Name = "Local vertebral radiotherapy (ISRC CTV)", Ratio = 1, Role = ArmRole.Experimental },
            new Arm { Id = "whole", Name = "Whole vertebral radiotherapy", Ratio = 1, Role = ArmRole.Control },
        ],
        Randomization = new RandomizationPlan { Plugin = "Randomization", Method = "permuted-blocks", BlockSizes = [4, 6], Strata = ["site"] },
        Fractionation = new Fractionation
        {
            TotalDoseGy = 30, Fractions = 10, DosePerFractionGy = 3, FractionsPerDay = 1,
            TreatmentDays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            Energy = "6 MV", Technique = "IGRT", Prescription = new Prescription { Volume = "PTV", CoveragePercent = 95 }, PtvMarginCm = 0.3,
        },
        Visits =
        [
            new Visit { Id = "baseline", Label = "Before radiotherapy", Anchor = VisitAnchor.Randomization, Days = 0, Window = new VisitWindow { BeforeDays = 0, AfterDays = 7 }, Collect = ["pain", "analgesics"] },
            new Visit { Id = "week2", Label = "Two weeks after radiotherapy", Anchor = VisitAnchor.RadiotherapyEnd, Weeks = 2, Window = new VisitWindow { BeforeDays = 3, AfterDays = 3 }, Collect = ["pain", "analgesics", "adverse-events"] },
            new Visit { Id = "month3", Label = "Three months after radiotherapy", Anchor = VisitAnchor.RadiotherapyEnd, Months = 3, Window = new VisitWindow { BeforeDays = 14, AfterDays = 14 }, Collect = ["pain", "analgesics", "adverse-events", "imaging"] },
            new Visit { Id = "month6", Label = "Every six months after radiotherapy", Anchor = VisitAnchor.RadiotherapyEnd, Months = 6, Window = new VisitWindow { BeforeDays = 14, AfterDays = 14 },
                Repeat = new VisitRepeat { EveryMonths = 6, UntilMonth = 24 }, Collect = ["pain", "analgesics", "adverse-events", "imaging"] },
        ],
        Endpoints = new Endpoints
        {
            Primary = [new Endpoint { Id = "pain_response", Label = "Pain relief rate", Definition = "International consensus pain response", Instrument = "NRS 0-10", Visits = ["week2", "month3"] }],
            Secondary = [new Endpoint { Id = "toxicity", Label = "Adverse events", Definition = "CTCAE v5.0", Coding = "MedDRA" }],
        },
        Statistics = new StatisticsPlan
        {
            PrimaryEndpoint = "pain_response", Hypothesis = Hypothesis.NonInferiority, ExperimentalArm = "local", ControlArm = "whole",
            Alpha = 0.025, Sides = Sides.One, Power = 0.8, Margin = -0.15, DropoutRate = 0.1, SampleSize = 66, ReportedPower = 0.809,
        },
    };
}
