using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Engine.Validation;

public sealed partial class ProtocolValidator
{
    /// <summary>Analysis set ids are unique and the primary analysis set is one of them.</summary>
    private static void CheckAnalysisSets(Run run, StatisticsPlan stats)
    {
        run.Unique(stats.AnalysisSets, a => a.Id, "analysis set");
        if (stats.PrimaryAnalysisSet is not { } primary || stats.AnalysisSets.Any(a => a.Id == primary))
            return;
        var ids = stats.AnalysisSets.Select(a => a.Id).ToList();
        var fix = ids.Count == 0 ? "define it under statistics.analysis_sets (id, label, population and how each missing outcome counts)." : Run.Suggest(primary, ids);
        run.Error(DiagnosticCodes.UndefinedAnalysisSet, stats, nameof(StatisticsPlan.PrimaryAnalysisSet), $"primary_analysis_set '{primary}' is not one of analysis_sets; {fix}");
    }
}
