using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ProtocolEngine.Engine.Security;

/// <summary>Login tokens: 256 random bits, written as base64url; the database keeps only their SHA-256.</summary>
public static class LoginToken
{
    public const int Bytes = 32;

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(Bytes));

    /// <summary>The id of the token's <see cref="LoginSession"/>: lower-case hex SHA-256 of its text.</summary>
    /// <summary>The key a login's copy of the user's keys is wrapped under: HKDF-SHA256 of the token's text.</summary>
    public static byte[] WrapKey(string token) => KeyWrap.Derive(Encoding.UTF8.GetBytes(token.Trim()), "ProtocolEngine.LoginKeys/1");

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim())));
}
