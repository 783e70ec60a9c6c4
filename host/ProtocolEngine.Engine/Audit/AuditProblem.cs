namespace ProtocolEngine.Engine.Audit;

/// <summary>One place where the audit trail or the records disagree with the hash chain.</summary>
public sealed record AuditProblem(long? Sequence, string Message);
