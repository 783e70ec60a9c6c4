using ProtocolEngine.Engine.Loading;
using ProtocolEngine.Engine.Rules;

namespace ProtocolEngine.Rules.Roslyn;

/// <summary>
/// The engine's <see cref="IRuleCompiler"/>: a protocol's rules compiled as one Roslyn compilation
/// (<see cref="RuleCompiler"/>). Holds nothing of Roslyn itself, so a host creates one at start without
/// loading Microsoft.CodeAnalysis; only <see cref="Compile"/> does, on a cache miss.
/// </summary>
public sealed class RoslynRuleCompiler : IRuleCompiler
{
    public CompileOutput Compile(ProtocolDocument document, RulePlan plan, string assemblyName) =>
        RuleCompiler.Compile(document, plan, assemblyName);
}
