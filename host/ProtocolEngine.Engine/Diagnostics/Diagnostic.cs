namespace ProtocolEngine.Engine.Diagnostics;

/// <summary>
/// One problem found in a protocol, printed as <c>FILE:LINE:COL: error PEnnnn: message</c>.
/// Codes: PE01xx reading and binding YAML, PE02xx protocol semantics, PE03xx rules, PE04xx plugins.
/// </summary>
public sealed record Diagnostic(string Code, Severity Severity, string Message, SourceLocation Location)
{
    public bool IsError => Severity == Severity.Error;

    public override string ToString() =>
        $"{Location}: {(IsError ? "error" : "warning")} {Code}: {Message}";
}
