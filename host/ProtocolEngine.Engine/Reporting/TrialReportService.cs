using System.Globalization;
using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Engine.Endpoints;
using ProtocolEngine.Engine.Loading;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Engine.Reporting;

/// <summary>
/// Builds the trial's report from the database: the records read once, in one pass over each collection, by the
/// endpoint service (<see cref="EndpointService"/>, which classifies the pain responses and flares by the protocol's
/// pain-response plugin) with the report's own counts gathered on the same pass (<see cref="ReportRecords.Collector"/>),
/// then every interval and test computed by the statistics plugin with the methods the statistics plan implies.
/// </summary>
public sealed class TrialReportService(TrialSession session, IPainResponsePlugin painResponse, IStatisticsPlugin statistics)
{
    private const int Steps = 2;

    public TrialReport Build(IProgress<ReportProgress>? progress = null)
    {
        var protocol = session.Protocol;
        progress?.Report(new(0, Steps, "Reading the records, classifying pain responses and flares"));
        var collector = new ReportRecords.Collector();
        var relief = new EndpointService(session, painResponse).PainRelief(collector);
        var records = collector.Records();
        progress?.Report(new(1, Steps, "Computing intervals and tests"));
        var choice = StatisticsChoice.From(protocol.Statistics);
        var report = new TrialReport
        {
            TrialId = protocol.Id, Title = protocol.Title,
            Registration = Registration(protocol.Registration.Registry, protocol.Registration.Number),
            ProtocolVersion = session.ProtocolHash.Length > 12 ? session.ProtocolHash[..12] : session.ProtocolHash,
            AsOf = relief.AsOf,
            Arms = [.. protocol.Arms.Select(a => new ReportArm { Id = a.Id, Name = a.Name, Role = Role(protocol, a) })],
            Consort = ConsortBuilder.Build(protocol, records, relief),
            Primary = PrimaryBuilder.Build(protocol, relief, statistics, choice),
            AdverseEvents = AdverseEventBuilder.Build(protocol, records, statistics),
            Flares = relief.Flares,
            MeanWorstPain = PainMeans.Build(protocol, records),
            Methods = Methods(protocol, choice),
        };
        progress?.Report(new(Steps, Steps, "Done"));
        return report;
    }

    /// <summary>"ChiCTR1900023401", not "ChiCTR ChiCTR1900023401", when the number already names the registry.</summary>
    private static string Registration(string? registry, string? number) =>
        !string.IsNullOrEmpty(registry) && number?.StartsWith(registry, StringComparison.OrdinalIgnoreCase) == true
            ? number
            : $"{registry} {number}".Trim();

    private static string Role(Protocol protocol, Arm arm) =>
        arm.Id == protocol.Statistics.ExperimentalArm ? "experimental"
        : arm.Id == protocol.Statistics.ControlArm ? "control"
        : Naming.EnumValue(arm.Role.ToString());

    private ReportMethods Methods(Protocol protocol, StatisticsChoice choice)
    {
        var plan = protocol.Statistics;
        return new ReportMethods
        {
            PainResponsePlugin = $"{painResponse.Name} {painResponse.Version}",
            StatisticsPlugin = $"{statistics.Name} {statistics.Version}",
            RateInterval = choice.RateName,
            DifferenceInterval = choice.DifferenceName,
            NonInferiorityTest = plan.Margin is null || plan.Hypothesis != Hypothesis.NonInferiority ? "" : "Farrington-Manning score test, one-sided",
            Choice = choice.Why,
            Alpha = plan.Alpha,
            Sides = Naming.EnumValue(plan.Sides.ToString()),
            PlanMethod = plan.Method,
            AdverseEventTest = "Fisher's exact test, two-sided (as R's fisher.test), of participants with the term, experimental against control",
            AnalysisSets = [.. plan.AnalysisSets.Select(s => new SetDefinition
            {
                Id = s.Id, Label = s.Label, Description = s.Description,
                Rules = string.Create(CultureInfo.InvariantCulture, $"population {Naming.EnumValue(s.Population.ToString())}; death {Naming.EnumValue(s.Death.ToString())}, "
                    + $"lost to follow-up {Naming.EnumValue(s.LostToFollowUp.ToString())}, withdrawn {Naming.EnumValue(s.Withdrawn.ToString())}, "
                    + $"missing assessment {Naming.EnumValue(s.MissingAssessment.ToString())}, "
                    + $"not assessable {Naming.EnumValue((s.NotAssessable ?? s.MissingAssessment).ToString())}"),
            })],
        };
    }
}
