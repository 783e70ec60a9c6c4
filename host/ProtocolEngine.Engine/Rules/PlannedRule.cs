using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Screening;

namespace ProtocolEngine.Engine.Rules;

/// <summary>A criterion that has a rule of its own, with its index in the generated code.</summary>
public sealed record PlannedRule(int Index, Criterion Criterion, CriterionKind Kind);
