using System.Security.Cryptography;
using System.Text;
using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Engine.Audit;

/// <summary>Hash chain of the audit trail: SHA-256 over the previous hash and the entry's content without its own hash.</summary>
public static class AuditHasher
{
    public static readonly string Genesis = new('0', 64);

    public static string Compute(AuditEntry entry)
    {
        var content = RecordJson.Serialize(entry with { Hash = "" });
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(entry.PreviousHash + "\n" + content));
        return Convert.ToHexStringLower(bytes);
    }
}
