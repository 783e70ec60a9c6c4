namespace ProtocolEngine.CrashWriter;

/// <summary>When a crash test ends the client that writes <see cref="CrashBatch"/>.</summary>
public enum CrashMoment
{
    /// <summary>Halfway through the write: its transaction is open, half of the batch written.</summary>
    InsideWrite,

    /// <summary>Right after the write's callback returned, while the store commits.</summary>
    WhileCommitting,

    /// <summary>After the store reported the write committed.</summary>
    AfterCommit,
}
