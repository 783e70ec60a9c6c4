using ProtocolEngine.Engine.Diagnostics;

namespace ProtocolEngine.Engine.Rules;

/// <summary>The compiled rules (null when they have errors) and every diagnostic of the compile.</summary>
public sealed record RuleLoadResult(CompiledProtocol? Rules, IReadOnlyList<Diagnostic> Diagnostics);
