namespace ProtocolEngine.Cli;

/// <summary>Thrown by a command for input it refuses; the top-level handler prints it and exits 2.</summary>
public sealed class CliInputException(string message) : Exception(message);
