namespace ProtocolEngine.Engine.Records.Persistence;

/// <summary>
/// The trial database as the domain sees it. LiteDB implements it in Engine/Storage; a server
/// database can implement it later. Each Write call is one atomic transaction.
/// </summary>
public interface IRecordStore : IDisposable
{
    /// <summary>Where the data lives (file path or connection description) for messages.</summary>
    string Location { get; }
    T Read<T>(Func<IRecordReader, T> read);
    T Write<T>(Func<IRecordWriter, T> write);
}
