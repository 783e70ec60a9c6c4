namespace ProtocolEngine.Cli;

/// <summary>Where commands write: standard output for results, standard error for messages.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error);
