using System.Buffers.Binary;
using System.Security.Cryptography;

namespace ProtocolEngine.Engine.Security;

/// <summary>
/// A user's private keys, open in this process only: an ECDSA P-256 key that signs the audit trail and an ECDH
/// P-256 key that sealed secrets (the randomization key) are sent to. The database holds them only wrapped
/// (<see cref="KeyWrap"/>) under a key derived from the user's password, and for a login under one derived from its
/// token; the public halves are in the user's record, which an administrator's signed transaction put there.
/// </summary>
public sealed class UserKeys
{
    private readonly ECDsa _signing;
    private readonly ECDiffieHellman _exchange;

    private UserKeys(string userId, ECDsa signing, ECDiffieHellman exchange)
    {
        UserId = userId;
        _signing = signing;
        _exchange = exchange;
        SigningKey = Convert.ToBase64String(signing.ExportSubjectPublicKeyInfo());
        ExchangeKey = Convert.ToBase64String(exchange.ExportSubjectPublicKeyInfo());
    }

    /// <summary>The user these keys belong to.</summary>
    public string UserId { get; }

    /// <summary>The public signing key (base64 SubjectPublicKeyInfo).</summary>
    public string SigningKey { get; }

    /// <summary>The public key sealed secrets are sent to (base64 SubjectPublicKeyInfo).</summary>
    public string ExchangeKey { get; }

    /// <summary>The randomization key, when this user holds it (opened from the user's sealed copy).</summary>
    public byte[]? RandomizationKey { get; internal set; }

    /// <summary>A new pair of keys for <paramref name="userId"/>.</summary>
    public static UserKeys Generate(string userId) =>
        new(userId, ECDsa.Create(ECCurve.NamedCurves.nistP256), ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>An ECDSA P-256 signature (IEEE P1363, SHA-256) of <paramref name="data"/>.</summary>
    public byte[] Sign(ReadOnlySpan<byte> data) => _signing.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    /// <summary>The short name of a public key: the first 16 bytes of its SHA-256, as hex.</summary>
    public static string Fingerprint(string publicKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Convert.FromBase64String(publicKey)).AsSpan(0, 16));

    /// <summary>The public signing key as an ECDSA object, or null when the text is not a P-256 public key.</summary>
    public static ECDsa? PublicSigningKey(string? publicKey)
    {
        if (string.IsNullOrEmpty(publicKey)) return null;
        try
        {
            var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(publicKey), out _);
            return key;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Checks an ECDSA P-256 signature made by <see cref="Sign"/>.</summary>
    public static bool Verify(ECDsa publicKey, ReadOnlySpan<byte> data, string signature)
    {
        try
        {
            return publicKey.VerifyData(data, Convert.FromBase64String(signature), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Both private keys (PKCS#8), each preceded by its length, for wrapping.</summary>
    internal byte[] Export()
    {
        var a = _signing.ExportPkcs8PrivateKey();
        var b = _exchange.ExportPkcs8PrivateKey();
        var bundle = new byte[8 + a.Length + b.Length];
        BinaryPrimitives.WriteInt32LittleEndian(bundle, a.Length);
        a.CopyTo(bundle, 4);
        BinaryPrimitives.WriteInt32LittleEndian(bundle.AsSpan(4 + a.Length), b.Length);
        b.CopyTo(bundle, 8 + a.Length);
        return bundle;
    }

    /// <summary>The keys from <see cref="Export"/>'s bytes, or null when they are not two P-256 private keys.</summary>
    internal static UserKeys? Import(string userId, byte[] bundle)
    {
        try
        {
            var a = BinaryPrimitives.ReadInt32LittleEndian(bundle);
            var signing = ECDsa.Create();
            signing.ImportPkcs8PrivateKey(bundle.AsSpan(4, a), out _);
            var b = BinaryPrimitives.ReadInt32LittleEndian(bundle.AsSpan(4 + a));
            var exchange = ECDiffieHellman.Create();
            exchange.ImportPkcs8PrivateKey(bundle.AsSpan(8 + a, b), out _);
            return new UserKeys(userId, signing, exchange);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Wraps both private keys under <paramref name="wrapKey"/> (bound to the user id).</summary>
    public string Wrap(byte[] wrapKey) => KeyWrap.Seal(wrapKey, Export(), Context(UserId));

    /// <summary>The keys <see cref="Wrap"/> wrapped, or null when <paramref name="wrapKey"/> is not the key they were wrapped with.</summary>
    public static UserKeys? Unwrap(string userId, string? wrapped, byte[] wrapKey) =>
        KeyWrap.Open(wrapKey, wrapped, Context(userId)) is { } bundle ? Import(userId, bundle) : null;

    /// <summary>Opens a secret <see cref="SealTo"/> sent to this user, or null when it was not sent to these keys.</summary>
    public byte[]? OpenSealed(string? sealedText, string context)
    {
        if (string.IsNullOrEmpty(sealedText) || sealedText.Split('.') is not [var ephemeralText, var body]) return null;
        try
        {
            using var ephemeral = ECDiffieHellman.Create();
            ephemeral.ImportSubjectPublicKeyInfo(Convert.FromBase64String(ephemeralText), out _);
            var key = _exchange.DeriveKeyFromHash(ephemeral.PublicKey, HashAlgorithmName.SHA256, null, System.Text.Encoding.UTF8.GetBytes("ProtocolEngine.Seal/1"));
            return KeyWrap.Open(key, body, context + "\n" + ExchangeKey);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// Seals <paramref name="secret"/> so that only the holder of the private half of <paramref name="exchangeKey"/>
    /// opens it (ECIES: an ephemeral ECDH P-256 key, SHA-256 of the shared secret, AES-GCM).
    /// </summary>
    public static string SealTo(string exchangeKey, ReadOnlySpan<byte> secret, string context)
    {
        using var recipient = ECDiffieHellman.Create();
        recipient.ImportSubjectPublicKeyInfo(Convert.FromBase64String(exchangeKey), out _);
        using var ephemeral = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var key = ephemeral.DeriveKeyFromHash(recipient.PublicKey, HashAlgorithmName.SHA256, null, System.Text.Encoding.UTF8.GetBytes("ProtocolEngine.Seal/1"));
        return Convert.ToBase64String(ephemeral.ExportSubjectPublicKeyInfo()) + "." + KeyWrap.Seal(key, secret, context + "\n" + exchangeKey);
    }

    private static string Context(string userId) => "ProtocolEngine.UserKeys/1\n" + userId;
}
