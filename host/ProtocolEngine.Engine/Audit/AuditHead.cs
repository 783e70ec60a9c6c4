using System.Globalization;

namespace ProtocolEngine.Engine.Audit;

/// <summary>The last entry of the chain, kept in the meta collection so that a removed tail is found too.</summary>
public sealed record AuditHead(long Sequence, string Hash)
{
    public const string MetaKey = "audit.head";
    public static readonly AuditHead Empty = new(0, AuditHasher.Genesis);

    public string Format() => $"{Sequence.ToString(CultureInfo.InvariantCulture)} {Hash}";

    public static AuditHead Parse(string? text)
    {
        if (string.IsNullOrEmpty(text)) return Empty;
        var parts = text.Split(' ');
        return new AuditHead(long.Parse(parts[0], CultureInfo.InvariantCulture), parts[1]);
    }
}
