namespace ProtocolEngine.Engine.Storage;

public static class RecordReaderExtensions
{
    /// <summary>The whole audit trail in memory, in ascending sequence order: for tests and small trials; services stream <see cref="IRecordReader.Audit"/>.</summary>
    public static IReadOnlyList<AuditEntry> AuditEntries(this IRecordReader reader) => [.. reader.Audit()];
}
