using System.Security.Cryptography;
using System.Text;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Records.Persistence;

namespace ProtocolEngine.Engine.Records.Services;

/// <summary>
/// A protocol version's identity: SHA-256 of the protocol's canonical JSON (the bound model, not
/// the file's bytes, so reformatting the YAML is not an amendment).
/// </summary>
public static class ProtocolFingerprint
{
    public static string CanonicalJson(Protocol protocol) => RecordJson.Serialize(protocol);

    public static string Hash(string canonicalJson) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalJson)));

    public static string Hash(Protocol protocol) => Hash(CanonicalJson(protocol));
}
