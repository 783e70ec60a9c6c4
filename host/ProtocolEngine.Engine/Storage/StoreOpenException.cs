namespace ProtocolEngine.Engine.Storage;

/// <summary>The database could not be opened or created (wrong or missing key, corrupt file, wrong protocol); nothing was changed.</summary>
public sealed class StoreOpenException(string message, Exception? inner = null) : Exception(message, inner);
