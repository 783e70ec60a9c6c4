using ProtocolEngine.Engine.Storage;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Cli.Records;

/// <summary>A session and the store it holds open; disposing closes the database and releases its lock.</summary>
public sealed record OpenSession(IRecordStore Store, TrialSession Session) : IDisposable
{
    public void Dispose() => Store.Dispose();
}
