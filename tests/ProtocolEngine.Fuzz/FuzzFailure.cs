namespace ProtocolEngine.Fuzz;

/// <summary>The product handled an input outside its documented error path (an internal error, no message, too slow).</summary>
public sealed class FuzzFailure(string message) : Exception(message);
