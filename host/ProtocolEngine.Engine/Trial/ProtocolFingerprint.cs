using System.Runtime.CompilerServices;
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
    private sealed record Known(IReadOnlyDictionary<string, string>? Scripts, string Hash);

    /// <summary>Hashes learnt without serializing (<see cref="Remember"/>), by protocol object.</summary>
    private static readonly ConditionalWeakTable<Protocol, Known> Remembered = new();

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

    /// <summary>
    /// The hash of <see cref="CanonicalJson(Protocol, IReadOnlyDictionary{string, string}?)"/>: the one
    /// <see cref="Remember"/>ed for this very protocol object and scripts, else computed (serializing the whole
    /// model, a noticeable part of a short command's start).
    /// </summary>
    public static string HashOf(Protocol protocol, IReadOnlyDictionary<string, string>? scripts) =>
        Remembered.TryGetValue(protocol, out var known) && ReferenceEquals(known.Scripts, scripts)
            ? known.Hash
            : Hash(CanonicalJson(protocol, scripts));

    /// <summary>
    /// Records the hash of a protocol object whose sources were already hashed once: the caller vouches that
    /// <paramref name="hash"/> is what <see cref="HashOf"/> would compute (the validated-protocol cache, which is
    /// keyed by the exact source text and this engine's build, and authenticated).
    /// </summary>
    public static void Remember(Protocol protocol, IReadOnlyDictionary<string, string>? scripts, string hash) =>
        Remembered.AddOrUpdate(protocol, new Known(scripts, hash));
}
