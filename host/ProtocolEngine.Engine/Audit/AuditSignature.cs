using System.Globalization;
using System.Text;
using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Engine.Audit;

/// <summary>
/// A transaction's signature: an entry (action <see cref="Action"/>) appended after the transaction's entries, by
/// each user who wrote them, holding that user's ECDSA P-256 signature over the chain's head before it (its
/// sequence and previous hash): since every hash covers the one before it, one signature vouches for the whole
/// history up to it. The entry's record id is the fingerprint of the signing key.
/// </summary>
public static class AuditSignature
{
    /// <summary>The action of a signature entry.</summary>
    public const string Action = "sign";

    /// <summary>The collection named by signature entries.</summary>
    public const string Collection = "audit";

    /// <summary>What the signer signs: the entry's sequence, the hash of the entry before it, and the signer.</summary>
    public static byte[] Message(long sequence, string previousHash, string user) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"ProtocolEngine.AuditSignature/1\n{sequence}\n{previousHash}\n{user}"));

    /// <summary>True for a signature entry.</summary>
    public static bool Is(AuditEntry e) => e.Action == Action && e.Collection == Collection;

    /// <summary>
    /// Entries a process writes with no user's keys: a failed login (the name tried is not authenticated). They are
    /// covered by the next signature of anyone, since the chain links them, but vouched for by no one.
    /// </summary>
    public static bool Unsigned(AuditEntry e) => e.Action == "login-failed" && e.Collection == Security.LoginFailures.Collection;
}
