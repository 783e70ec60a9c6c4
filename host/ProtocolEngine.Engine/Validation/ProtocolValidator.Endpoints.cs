using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Engine.Validation;

public sealed partial class ProtocolValidator
{
    private void CheckEndpoints(Run run)
    {
        var endpoints = run.Protocol.Endpoints;
        if (!run.Clean(endpoints))
            return;
        if (endpoints.Primary.Count == 0)
            run.Error(DiagnosticCodes.EmptySection, endpoints, nameof(Model.Endpoints.Primary), "there is no primary endpoint; name at least one.");
        var all = endpoints.Primary.Concat(endpoints.Secondary).ToList();
        run.Unique(all, e => e.Id, "endpoint");
        var visits = run.Protocol.Visits.Select(v => v.Id).ToList();
        foreach (var endpoint in all)
        {
            for (var i = 0; i < endpoint.Visits.Count; i++)
            {
                if (!visits.Contains(endpoint.Visits[i]))
                    run.Error(DiagnosticCodes.UndefinedVisit, endpoint.Visits, $"[{i}]", $"endpoint '{endpoint.Id}' names visit '{endpoint.Visits[i]}', which is not in 'visits'; {Run.Suggest(endpoint.Visits[i], visits)}");
            }
            CheckTimePoint(run, endpoint, visits);
            CheckBaseline(run, endpoint);
            if (endpoint.Plugin is { } plugin)
                CheckPlugin(run, endpoint, nameof(Endpoint.Plugin), PluginFamily.PainResponse, plugin);
        }
    }

    /// <summary>The visit of an endpoint's main analysis is one of the visits it is assessed at.</summary>
    private static void CheckTimePoint(Run run, Endpoint endpoint, IReadOnlyCollection<string> visits)
    {
        if (endpoint.TimePoint is not { } at || !run.Clean(endpoint))
            return;
        if (!visits.Contains(at))
            run.Error(DiagnosticCodes.UndefinedVisit, endpoint, nameof(Endpoint.TimePoint), $"endpoint '{endpoint.Id}' has time_point '{at}', which is not in 'visits'; {Run.Suggest(at, visits)}");
        else if (!endpoint.Visits.Contains(at))
            run.Error(DiagnosticCodes.UndefinedVisit, endpoint, nameof(Endpoint.TimePoint),
                $"endpoint '{endpoint.Id}' has time_point '{at}', but it is not assessed there (its visits: {(endpoint.Visits.Count == 0 ? "none" : string.Join(", ", endpoint.Visits))}); add '{at}' to its visits or choose one of them.");
    }

    /// <summary>An endpoint's baseline is one of the visits it is assessed at.</summary>
    private static void CheckBaseline(Run run, Endpoint endpoint)
    {
        if (endpoint.Baseline is { } at && run.Clean(endpoint) && !endpoint.Visits.Contains(at))
            run.Error(DiagnosticCodes.UndefinedVisit, endpoint, nameof(Endpoint.Baseline),
                $"endpoint '{endpoint.Id}' has baseline '{at}', but it is not assessed there (its visits: {(endpoint.Visits.Count == 0 ? "none" : string.Join(", ", endpoint.Visits))}); add '{at}' to its visits or choose one of them.");
    }

    private void CheckStatistics(Run run)
    {
        var protocol = run.Protocol;
        var stats = protocol.Statistics;
        if (!run.Clean(stats))
            return;
        var endpoints = protocol.Endpoints.Primary.Concat(protocol.Endpoints.Secondary).Select(e => e.Id).ToList();
        var arms = protocol.Arms.Select(a => a.Id).ToList();

        if (stats.Plugin is { } plugin)
            CheckPlugin(run, stats, nameof(StatisticsPlan.Plugin), PluginFamily.Statistics, plugin);
        if (run.Clean(protocol.Endpoints) && !protocol.Endpoints.Primary.Any(e => e.Id == stats.PrimaryEndpoint))
            run.Error(DiagnosticCodes.UndefinedEndpoint, stats, nameof(StatisticsPlan.PrimaryEndpoint), $"primary_endpoint '{stats.PrimaryEndpoint}' is not a primary endpoint; {Run.Suggest(stats.PrimaryEndpoint, protocol.Endpoints.Primary.Select(e => e.Id).ToList())}");
        foreach (var (member, arm) in new[] { (nameof(StatisticsPlan.ExperimentalArm), stats.ExperimentalArm), (nameof(StatisticsPlan.ControlArm), stats.ControlArm) })
        {
            if (arm.Length > 0 && !arms.Contains(arm))
                run.Error(DiagnosticCodes.UndefinedArm, stats, member, $"arm '{arm}' is not defined in 'arms'; {Run.Suggest(arm, arms)}");
        }
        if (stats.ExperimentalArm.Length > 0 && stats.ExperimentalArm == stats.ControlArm)
            run.Error(DiagnosticCodes.ArmsInconsistent, stats, nameof(StatisticsPlan.ControlArm), "experimental_arm and control_arm are the same arm; a comparison needs two.");
        if (run.Bound(protocol.Design, nameof(Design.Hypothesis)) && stats.Hypothesis != protocol.Design.Hypothesis)
            run.Error(DiagnosticCodes.ArmsInconsistent, stats, nameof(StatisticsPlan.Hypothesis), $"statistics.hypothesis is {Loading.Naming.EnumValue(stats.Hypothesis)} but design.hypothesis is {Loading.Naming.EnumValue(protocol.Design.Hypothesis)}; make them agree.");
        if (stats.Hypothesis is Hypothesis.NonInferiority or Hypothesis.Equivalence && stats.Margin is null)
            run.Error(DiagnosticCodes.MissingKey, stats, nameof(StatisticsPlan.Hypothesis), $"a {Loading.Naming.EnumValue(stats.Hypothesis)} design needs a 'margin'.");
        if (stats.Hypothesis == Hypothesis.NonInferiority && stats.Margin > 0)
            run.Error(DiagnosticCodes.OutOfRange, stats, nameof(StatisticsPlan.Margin), $"a non-inferiority margin on experimental - control is at most 0 (e.g. -0.15); {stats.Margin} would demand superiority.");
        foreach (var analysis in stats.Analyses)
        {
            if (!endpoints.Contains(analysis.Endpoint))
                run.Error(DiagnosticCodes.UndefinedEndpoint, analysis, nameof(Analysis.Endpoint), $"analysis names endpoint '{analysis.Endpoint}', which is not defined; {Run.Suggest(analysis.Endpoint, endpoints)}");
        }
        CheckAnalysisSets(run, stats);
    }
}
