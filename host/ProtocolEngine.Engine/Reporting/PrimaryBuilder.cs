using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Engine.Endpoints;
using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Engine.Reporting;

/// <summary>The pain relief rows of the endpoint service turned into the comparison per analysis set and visit, with the plugin's statistics.</summary>
internal static class PrimaryBuilder
{
    public static PrimaryEndpointResult Build(Protocol protocol, PainReliefReport relief, IStatisticsPlugin statistics, StatisticsChoice choice)
    {
        var plan = protocol.Statistics;
        var endpoint = EndpointService.PainEndpoint(protocol);
        var margin = plan.Hypothesis == Hypothesis.NonInferiority ? plan.Margin : null;
        var sets = plan.AnalysisSets.Select(set => new AnalysisSetResult
        {
            Set = set.Id, Label = set.Label, Description = set.Description ?? "", Primary = set.Id == plan.PrimaryAnalysisSet,
            Visits = [.. relief.Rows.Where(r => r.Set == set.Id).Select(r => (r.Visit, r.Occurrence)).Distinct().Select(o =>
            {
                var exp = relief.Rows.FirstOrDefault(r => r.Set == set.Id && r.Visit == o.Visit && r.Occurrence == o.Occurrence && r.Arm == plan.ExperimentalArm);
                var ctl = relief.Rows.FirstOrDefault(r => r.Set == set.Id && r.Visit == o.Visit && r.Occurrence == o.Occurrence && r.Arm == plan.ControlArm);
                return Compare(protocol, o.Visit, o.Occurrence, endpoint.TimePoint, Rate(plan.ExperimentalArm, exp, statistics, plan.ConfidenceLevel, choice),
                    Rate(plan.ControlArm, ctl, statistics, plan.ConfidenceLevel, choice), margin, statistics, plan.ConfidenceLevel, choice);
            })],
        }).ToList();
        return new PrimaryEndpointResult
        {
            Endpoint = endpoint.Id, Label = endpoint.Label, Definition = endpoint.Definition, Baseline = relief.Baseline, TimePoint = endpoint.TimePoint,
            ExperimentalArm = plan.ExperimentalArm, ControlArm = plan.ControlArm, Margin = margin, ConfidenceLevel = plan.ConfidenceLevel,
            PrimarySet = plan.PrimaryAnalysisSet, Sets = sets,
        };
    }

    private static ArmRate Rate(string arm, PainReliefRow? row, IStatisticsPlugin statistics, double level, StatisticsChoice choice)
    {
        if (row is null) return new ArmRate { Arm = arm };
        var interval = row.Denominator == 0 ? null : statistics.ProportionInterval(row.Responders, row.Denominator, level, choice.Rate);
        return new ArmRate
        {
            Arm = arm, Responders = row.Responders, Denominator = row.Denominator, Rate = row.Rate, Lower = interval?.Lower, Upper = interval?.Upper,
            CompleteResponse = row.CompleteResponse, PartialResponse = row.PartialResponse, Indeterminate = row.Indeterminate, Progression = row.Progression,
            ImputedNonResponders = row.ImputedNonResponders, Excluded = row.Excluded, OutsidePopulation = row.OutsidePopulation, Pending = row.Pending,
        };
    }

    private static VisitComparison Compare(Protocol protocol, string visit, int occurrence, string? timePoint, ArmRate exp, ArmRate ctl, double? margin,
        IStatisticsPlugin statistics, double level, StatisticsChoice choice)
    {
        var comparison = new VisitComparison
        {
            Visit = visit, Occurrence = occurrence, Label = VisitNames.Short(protocol, visit, occurrence), IsTimePoint = visit == timePoint,
            Experimental = exp, Control = ctl, Conclusion = NonInferiorityConclusion.NotEstimable,
        };
        if (exp.Denominator == 0 || ctl.Denominator == 0)
            return comparison;
        var table = new TwoByTwoTable(exp.Responders, exp.Denominator, ctl.Responders, ctl.Denominator);
        ConfidenceInterval interval;
        try
        {
            interval = statistics.DifferenceInterval(table, level, choice.Difference);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A plugin that cannot compute this table's interval: the estimate stands, the interval and the conclusion are not given, and the note says why.
            return comparison with
            {
                Difference = (double)exp.Responders / exp.Denominator - (double)ctl.Responders / ctl.Denominator,
                Note = $"the {statistics.Name} plugin could not compute the {choice.DifferenceName} interval of {exp.Responders}/{exp.Denominator} vs {ctl.Responders}/{ctl.Denominator}: {ex.Message}",
            };
        }
        comparison = comparison with { Difference = interval.Estimate, DifferenceLower = interval.Lower, DifferenceUpper = interval.Upper };
        if (margin is not { } m)
            return comparison with { Conclusion = NonInferiorityConclusion.NoMargin };
        var test = statistics.FarringtonManning(table, m);
        return comparison with
        {
            FarringtonManningZ = double.IsFinite(test.Z) ? test.Z : null, FarringtonManningP = test.P,
            Conclusion = interval.Lower > m ? NonInferiorityConclusion.NonInferior : NonInferiorityConclusion.NotShown,
        };
    }
}
