using System.Security.Cryptography;
using System.Text;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Engine.Security;

/// <summary>PBKDF2-HMAC-SHA256 with a per-user 16-byte salt; verification compares in constant time.</summary>
public static class PasswordHasher
{
    /// <summary>OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256.</summary>
    public const int DefaultIterations = 210_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    public const int MinimumLength = 8;

    public static UserAccount Create(string userId, Role role, string password, int iterations = DefaultIterations)
    {
        if (password.Length < MinimumLength)
            throw new RecordRejectedException("password", $"The password must have at least {MinimumLength} characters.");
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(password, salt, iterations);
        return new UserAccount
        {
            Id = userId, Role = role, Iterations = iterations,
            Salt = Convert.ToBase64String(salt), PasswordHash = Convert.ToBase64String(hash),
        };
    }

    public static bool Verify(UserAccount user, string password)
    {
        var expected = Convert.FromBase64String(user.PasswordHash);
        var actual = Derive(password, Convert.FromBase64String(user.Salt), user.Iterations);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    private static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
}
