using ProtocolEngine.Engine.Diagnostics;

namespace ProtocolEngine.Engine.Loading;

/// <summary>How a scalar was written, which decides how an offset inside its text maps back to the file.</summary>
public enum ScalarForm { Plain, SingleQuoted, DoubleQuoted, Literal, Folded, NotScalar }

/// <summary>Where a value sits in its file: start and end, plus how a scalar was written.</summary>
public sealed record ValueSpan(SourceLocation Start, SourceLocation End, ScalarForm Form);
