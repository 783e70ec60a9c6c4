using System.Security.Cryptography;
using System.Text;

namespace ProtocolEngine.Engine.Security;

/// <summary>
/// Secrets sealed under a 256-bit key with AES-GCM (random 96-bit nonce, 128-bit tag, the context as associated
/// data, so a sealed value moved to another user or purpose does not open), and keys derived with HKDF-SHA256.
/// </summary>
public static class KeyWrap
{
    private const int NonceBytes = 12, TagBytes = 16;

    /// <summary>A 32-byte key for <paramref name="purpose"/> from a secret (a PBKDF2 result, a login token): HKDF-SHA256, no salt.</summary>
    public static byte[] Derive(ReadOnlySpan<byte> secret, string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, secret.ToArray(), 32, [], Encoding.UTF8.GetBytes(purpose));

    /// <summary>Base64 of nonce, tag and ciphertext of <paramref name="plaintext"/>.</summary>
    public static string Seal(byte[] key, ReadOnlySpan<byte> plaintext, string context)
    {
        var output = new byte[NonceBytes + TagBytes + plaintext.Length];
        var nonce = output.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceBytes + TagBytes), output.AsSpan(NonceBytes, TagBytes), Encoding.UTF8.GetBytes(context));
        return Convert.ToBase64String(output);
    }

    /// <summary>What <see cref="Seal"/> sealed, or null when the key, the context or the text is not the one it was sealed with.</summary>
    public static byte[]? Open(byte[] key, string? sealedText, string context)
    {
        if (string.IsNullOrEmpty(sealedText)) return null;
        byte[] input;
        try { input = Convert.FromBase64String(sealedText); }
        catch (FormatException) { return null; }
        if (input.Length < NonceBytes + TagBytes) return null;
        var plaintext = new byte[input.Length - NonceBytes - TagBytes];
        try
        {
            using var aes = new AesGcm(key, TagBytes);
            aes.Decrypt(input.AsSpan(0, NonceBytes), input.AsSpan(NonceBytes + TagBytes), input.AsSpan(NonceBytes, TagBytes), plaintext, Encoding.UTF8.GetBytes(context));
            return plaintext;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }
}
