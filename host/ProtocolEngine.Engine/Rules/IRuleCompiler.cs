using ProtocolEngine.Engine.Loading;

namespace ProtocolEngine.Engine.Rules;

/// <summary>
/// Compiles a protocol's rules, derived fields and scripts into one assembly image: an edge's job
/// (C# with Roslyn: ProtocolEngine.Rules.Roslyn). <see cref="ProtocolRules"/> calls it only on a cache
/// miss; a warm start loads the cached image without it. So an implementation touches its compiler
/// only inside <see cref="Compile"/>, never when it is created.
/// </summary>
public interface IRuleCompiler
{
    /// <param name="document">The loaded, validated protocol (its source map places every diagnostic).</param>
    /// <param name="plan">How variables, derived fields and rules are numbered; the screener uses the same plan.</param>
    /// <param name="assemblyName">The name the image gets.</param>
    /// <returns>
    /// The image (null on errors) and every diagnostic, each at the author's file, line and column. The
    /// image holds <see cref="RuleImage.ParticipantType"/> and references only the runtime and the contracts.
    /// </returns>
    CompileOutput Compile(ProtocolDocument document, RulePlan plan, string assemblyName);
}
