using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Engine.Validation;

public sealed partial class ProtocolValidator
{
    /// <summary>Variable types that can define a stratum or a minimization factor (a small set of levels).</summary>
    private static readonly VariableType[] FactorTypes = [VariableType.Code, VariableType.Boolean, VariableType.Integer];

    private void CheckRandomization(Run run)
    {
        var protocol = run.Protocol;
        if (protocol.Randomization is not { } plan)
        {
            // Absent, not refused: a section that failed to bind has been reported already.
            var written = run.Document.Map.ValueOf(protocol, nameof(Protocol.Randomization)) is not null;
            if (!written && run.Bound(protocol.Design, nameof(Design.Allocation)) && protocol.Design.Allocation == Allocation.Randomized)
                run.Error(DiagnosticCodes.MissingKey, protocol, "the design is randomized but the protocol has no 'randomization' section; add one naming the plugin and method.");
            return;
        }
        CheckPlugin(run, plan, nameof(RandomizationPlan.Plugin), PluginFamily.Randomization, plan.Plugin);

        if (!run.Clean(plan) || !run.Bound(protocol, nameof(Protocol.Arms)))
            return;
        var ratioSum = protocol.Arms.Sum(a => a.Ratio);
        for (var i = 0; i < plan.BlockSizes.Count; i++)
        {
            var size = plan.BlockSizes[i];
            if (size < 1)
                run.Error(DiagnosticCodes.RandomizationSettings, plan.BlockSizes, $"[{i}]", $"block size {size} must be at least 1.");
            else if (ratioSum > 0 && size % ratioSum != 0)
                run.Error(DiagnosticCodes.RandomizationSettings, plan.BlockSizes, $"[{i}]", $"block size {size} cannot hold the arms' ratio {string.Join(":", protocol.Arms.Select(a => a.Ratio))} (sum {ratioSum}); use a multiple of {ratioSum}.");
        }
        if (plan.BlockSizeWeights.Count > 0 && plan.BlockSizeWeights.Count != plan.BlockSizes.Count)
            run.Error(DiagnosticCodes.RandomizationSettings, plan, nameof(RandomizationPlan.BlockSizeWeights), $"block_size_weights has {plan.BlockSizeWeights.Count} entries for {plan.BlockSizes.Count} block sizes; give one weight per size.");
        for (var i = 0; i < plan.BlockSizeWeights.Count; i++)
        {
            if (plan.BlockSizeWeights[i] < 1)
                run.Error(DiagnosticCodes.RandomizationSettings, plan.BlockSizeWeights, $"[{i}]", $"block size weight {plan.BlockSizeWeights[i]} must be at least 1.");
        }
        // Block sizes in the protocol let anyone who reads it foresee the last allocations of each block: they belong sealed in the database.
        if (plan.BlockSizes.Count > 0)
            run.Warning(DiagnosticCodes.OpenAllocationSecret, plan, nameof(RandomizationPlan.BlockSizes),
                "block sizes written in the protocol let anyone who reads it foresee allocations at the end of each block; state only the method, "
                + "and have a statistician seal them into the database with `protocol-engine randomization seal --block-sizes ...`.");
        if (plan.Method == "minimization" && plan.Minimization is null)
            run.Error(DiagnosticCodes.RandomizationSettings, plan, nameof(RandomizationPlan.Method), "minimization needs a 'minimization:' section with its factors.");

        var strata = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < plan.Strata.Count; i++)
        {
            CheckFactor(run, plan.Strata, $"[{i}]", plan.Strata[i], "stratum");
            if (!strata.Add(plan.Strata[i]))
                run.Error(DiagnosticCodes.DuplicateId, plan.Strata, $"[{i}]", $"stratum '{plan.Strata[i]}' is listed twice.");
        }
        foreach (var factor in plan.Minimization?.Factors ?? [])
            CheckFactor(run, factor, nameof(MinimizationFactor.Factor), factor.Factor, "minimization factor");
    }

    private static void CheckFactor(Run run, object owner, string member, string name, string what)
    {
        if (name == "site")
            return;
        var variable = run.Protocol.Variables.FirstOrDefault(v => v.Id == name);
        if (variable is null)
        {
            var known = run.Protocol.Variables.Select(v => v.Id).Append("site").ToList();
            run.Error(DiagnosticCodes.UndefinedVariable, owner, member, $"{what} '{name}' is neither 'site' nor a variable; {Run.Suggest(name, known)}");
        }
        else if (!FactorTypes.Contains(variable.Type) || variable.Many)
        {
            run.Error(DiagnosticCodes.RandomizationSettings, owner, member, $"{what} '{name}' is of type {Loading.Naming.EnumValue(variable.Type)}{(variable.Many ? " (many)" : "")}; a factor needs a single code, boolean or integer value.");
        }
    }
}
