using System.Globalization;
using System.Text;
using System.Text.Json;
using ProtocolEngine.Engine.Security;
using ProtocolEngine.Engine.Storage;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Engine.Audit;

/// <summary>
/// A signed head of the trail (`audit checkpoint`), kept by a monitor outside the database: the number of entries,
/// the last one's hash, who signed it with which key, and the fingerprint of the trail's root administrator key.
/// `audit verify --checkpoint FILE` proves the history up to it unchanged: a history rebuilt with the database key
/// (even one re-signed from scratch under a new administrator) cannot give the same hash at the same sequence.
/// </summary>
public sealed record AuditCheckpoint
{
    /// <summary>The format of the file.</summary>
    public const string CurrentFormat = "protocol-engine-audit-checkpoint/1";

    /// <summary>The format of the file (<see cref="CurrentFormat"/>).</summary>
    public string Format { get; init; } = CurrentFormat;

    /// <summary>The protocol id of the database.</summary>
    public string Protocol { get; init; } = "";

    /// <summary>The sequence of the last entry (the number of entries).</summary>
    public long Sequence { get; init; }

    /// <summary>The hash of that entry.</summary>
    public string Hash { get; init; } = "";

    /// <summary>The fingerprint of the trail's first administrator key.</summary>
    public string AdministratorKey { get; init; } = "";

    /// <summary>The user who signed the checkpoint.</summary>
    public string Signer { get; init; } = "";

    /// <summary>The signer's public signing key (base64 SubjectPublicKeyInfo).</summary>
    public string SignerKey { get; init; } = "";

    /// <summary>When it was taken (UTC).</summary>
    public DateTimeOffset CreatedUtc { get; init; }

    /// <summary>The signer's ECDSA P-256 signature over the fields above.</summary>
    public string Signature { get; init; } = "";

    /// <summary>The signed text: every field but the signature, one a line.</summary>
    private byte[] Message() => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
        $"{Format}\n{Protocol}\n{Sequence}\n{Hash}\n{AdministratorKey}\n{Signer}\n{SignerKey}\n{CreatedUtc.UtcTicks}"));

    /// <summary>A checkpoint of the head the verification <paramref name="report"/> read, signed with <paramref name="keys"/>.</summary>
    public static AuditCheckpoint Sign(AuditReport report, string protocolId, UserKeys keys, DateTimeOffset now)
    {
        var unsigned = new AuditCheckpoint
        {
            Protocol = protocolId, Sequence = report.Head.Sequence, Hash = report.Head.Hash, AdministratorKey = report.AdministratorKey ?? "",
            Signer = keys.UserId, SignerKey = keys.SigningKey, CreatedUtc = now.ToUniversalTime(),
        };
        return unsigned with { Signature = Convert.ToBase64String(keys.Sign(unsigned.Message())) };
    }

    /// <summary>The file's JSON.</summary>
    public string ToJson() => RecordJson.Serialize(this);

    /// <summary>A checkpoint from its file's text; a text that is not one is refused naming <paramref name="source"/>.</summary>
    public static AuditCheckpoint Parse(string text, string source)
    {
        AuditCheckpoint? checkpoint;
        try
        {
            checkpoint = JsonSerializer.Deserialize<AuditCheckpoint>(text, RecordJson.Options);
        }
        catch (JsonException ex)
        {
            throw new RecordRejectedException("--checkpoint", $"{source}: not an audit checkpoint (JSON error at line {(ex.LineNumber ?? 0) + 1}): {ex.Message}");
        }
        if (checkpoint is null || checkpoint.Format != CurrentFormat)
            throw new RecordRejectedException("--checkpoint", $"{source}: not an audit checkpoint of this program (format '{checkpoint?.Format}', expected '{CurrentFormat}'); "
                + "make one with `protocol-engine audit checkpoint --out FILE`.");
        return checkpoint;
    }

    /// <summary>
    /// What is wrong between this checkpoint and a trail whose entry at <see cref="Sequence"/> has <paramref name="hashThere"/>
    /// (null: the trail is shorter), with <paramref name="administratorKey"/> as root and <paramref name="signerKey"/> as the key it gives the signer.
    /// </summary>
    internal IEnumerable<AuditProblem> Compare(string? hashThere, long entries, string? administratorKey, string? signerKey)
    {
        using (var key = UserKeys.PublicSigningKey(SignerKey))
            if (key is null || !UserKeys.Verify(key, Message(), Signature))
                yield return new(Sequence, $"The checkpoint's signature does not match its content: the file was changed after '{Signer}' signed it.");
        if (AdministratorKey != (administratorKey ?? ""))
            yield return new(null, $"The trail's root administrator key is {administratorKey ?? "(none)"}, the checkpoint's {AdministratorKey}: "
                + "the database was re-created from scratch under another administrator.");
        if (hashThere is null)
            yield return new(Sequence, $"The trail holds {entries} entries, the checkpoint saw {Sequence}: entries were removed.");
        else if (hashThere != Hash)
            yield return new(Sequence, $"Entry {Sequence} has another hash than at the checkpoint ({CreatedUtc:yyyy-MM-dd HH:mm} UTC): "
                + "the history up to it was rewritten.");
        if (signerKey != SignerKey)
            yield return new(null, $"The checkpoint was signed by '{Signer}' with a key the trail does not give that user.");
    }
}
