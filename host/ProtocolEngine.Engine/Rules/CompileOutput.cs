using ProtocolEngine.Engine.Diagnostics;

namespace ProtocolEngine.Engine.Rules;

/// <summary>What a compile produced: the assembly image (null on errors) and every diagnostic.</summary>
public sealed record CompileOutput(byte[]? Image, IReadOnlyList<Diagnostic> Diagnostics);
