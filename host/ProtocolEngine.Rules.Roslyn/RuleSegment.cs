namespace ProtocolEngine.Rules.Roslyn;

/// <summary>
/// Where an author's text sits in the generated source: a rule scalar (Owner + Member locate it in
/// the YAML) or a script file (#line directives map it). Everything outside a segment is generated.
/// </summary>
public sealed record RuleSegment(int Start, int Length, object? Owner, string? Member, string Text, string? ScriptFile)
{
    public bool Contains(int position) => position >= Start && position <= Start + Length;

    public bool IsScript => ScriptFile is not null;
}
