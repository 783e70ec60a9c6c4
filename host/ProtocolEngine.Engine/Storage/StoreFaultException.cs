namespace ProtocolEngine.Engine.Storage;

/// <summary>
/// The database file could not be written (the disk is full) or read (it is damaged): the change under way was not
/// saved, and the file is as the last complete change left it. The message names the file and what to do.
/// </summary>
public sealed class StoreFaultException(string message, Exception? inner = null) : Exception(message, inner);
