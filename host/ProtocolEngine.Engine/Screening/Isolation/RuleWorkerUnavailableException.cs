namespace ProtocolEngine.Engine.Screening.Isolation;

/// <summary>The rule worker process cannot be started: an installation fault, not a rule's.</summary>
public sealed class RuleWorkerUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
