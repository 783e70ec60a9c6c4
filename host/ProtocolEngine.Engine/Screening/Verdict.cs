namespace ProtocolEngine.Engine.Screening;

/// <summary>The outcome of one criterion: met, not met, unknown (data missing) or error (the rule threw).</summary>
public enum Verdict : byte { Met, NotMet, Unknown, Error }
