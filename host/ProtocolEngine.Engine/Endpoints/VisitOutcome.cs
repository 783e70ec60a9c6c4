using ProtocolEngine.Contracts.Plugins;

namespace ProtocolEngine.Engine.Endpoints;

/// <summary>One participant at one visit occurrence: the standing and, when assessed, the category.</summary>
internal sealed record VisitOutcome(string VisitId, int Occurrence, Standing Standing, PainResponseCategory? Category);
