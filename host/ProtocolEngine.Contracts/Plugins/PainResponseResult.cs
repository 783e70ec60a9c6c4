namespace ProtocolEngine.Contracts.Plugins;

/// <summary>The response at one assessment.</summary>
/// <param name="Category">The consensus category.</param>
/// <param name="Responder">True for a complete or partial response.</param>
/// <param name="Rule">Which clause of the definition decided, in words a clinician can check.</param>
public sealed record PainResponseResult(PainResponseCategory Category, bool Responder, string Rule);
