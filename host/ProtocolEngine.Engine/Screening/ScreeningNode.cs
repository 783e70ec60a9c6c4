using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Engine.Screening;

/// <summary>A criterion prepared for evaluation: its rule index, or its parts and how they combine.</summary>
internal sealed record ScreeningNode(Criterion Criterion, CriterionKind Kind, int Rule, ScreeningNode[] Parts, Combine Combine);
