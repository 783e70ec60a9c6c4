using System.Security.Cryptography;
using System.Text;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Engine.Trial;

/// <summary>
/// A protocol version's identity: SHA-256 of the protocol's canonical JSON (the bound model, not
/// the file's bytes, so reformatting the YAML is not an amendment).
/// </summary>
public static class ProtocolFingerprint
{
    public static string CanonicalJson(Protocol protocol) => RecordJson.Serialize(protocol);

    /// <summary>
    /// The protocol's data and the text of its rule scripts (by file name): a script edit changes
    /// what screening decides, so it is a new protocol version like any edit of protocol.yaml.
    /// </summary>
    public static string CanonicalJson(Protocol protocol, IReadOnlyDictionary<string, string>? scripts) =>
        scripts is null || scripts.Count == 0
            ? CanonicalJson(protocol)
            : RecordJson.Serialize(new SortedDictionary<string, object>(StringComparer.Ordinal)
            {
                ["protocol"] = protocol,
                ["scripts"] = new SortedDictionary<string, string>(scripts.ToDictionary(kv => Path.GetFileName(kv.Key), kv => kv.Value.ReplaceLineEndings("\n")), StringComparer.Ordinal),
            });

    public static string Hash(string canonicalJson) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalJson)));

    public static string Hash(Protocol protocol) => Hash(CanonicalJson(protocol));
}
