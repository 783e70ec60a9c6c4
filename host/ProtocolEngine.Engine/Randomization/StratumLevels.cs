using System.Globalization;
using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Engine.Randomization;

/// <summary>The levels a stratification factor can take under a protocol, in the protocol's order.</summary>
public static class StratumLevels
{
    /// <summary>An integer factor with more levels than this is not a sensible stratum.</summary>
    public const int MaxIntegerLevels = 20;

    /// <summary>
    /// 'site': the site ids; a code variable: its code list; a boolean: true, false; a bounded
    /// integer: min to max. Throws <see cref="ArgumentException"/> for a factor without a finite set.
    /// </summary>
    public static IReadOnlyList<string> Of(Protocol protocol, string factor)
    {
        if (factor == "site")
            return protocol.Sites.Select(s => s.Id).ToList();
        var variable = protocol.Variables.FirstOrDefault(v => v.Id == factor)
            ?? throw new ArgumentException($"stratum '{factor}' is neither 'site' nor a variable of protocol '{protocol.Id}'.");
        return variable.Type switch
        {
            VariableType.Code when variable.CodeList is { } list && protocol.CodeLists.TryGetValue(list, out var codes) => codes.Select(c => c.Code).ToList(),
            VariableType.Boolean => ["true", "false"],
            VariableType.Integer when variable is { Min: { } min, Max: { } max } && max - min < MaxIntegerLevels =>
                Enumerable.Range((int)min, (int)(max - min) + 1).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList(),
            _ => throw new ArgumentException($"stratum '{factor}' has no finite set of levels (type {variable.Type}); give its levels with --strata {factor}=a,b."),
        };
    }
}
