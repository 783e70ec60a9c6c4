using System.Security.Cryptography;
using System.Text;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Engine.Security;

/// <summary>
/// PBKDF2-HMAC-SHA256 with a per-user 16-byte salt. The iteration count is stored with each hash, so a
/// hash made at an older strength still verifies (and is upgraded by <see cref="TrialDatabase.Open"/>);
/// verification compares in constant time.
/// </summary>
public static class PasswordHasher
{
    /// <summary>
    /// OWASP Password Storage Cheat Sheet (2023 revision): PBKDF2-HMAC-SHA256 with 600,000 iterations
    /// (https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#pbkdf2).
    /// </summary>
    public const int DefaultIterations = 600_000;
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

    /// <summary>The account with a new salt and hash of the same password at <paramref name="iterations"/>; role and state unchanged.</summary>
    public static UserAccount Rehash(UserAccount user, string password, int iterations = DefaultIterations)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return user with
        {
            Iterations = iterations, Salt = Convert.ToBase64String(salt), PasswordHash = Convert.ToBase64String(Derive(password, salt, iterations)),
        };
    }

    /// <summary>Derives with the user's own stored salt and iteration count and compares in constant time.</summary>
    public static bool Verify(UserAccount user, string password)
    {
        var expected = Convert.FromBase64String(user.PasswordHash);
        var actual = Derive(password, Convert.FromBase64String(user.Salt), user.Iterations);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    /// <summary>
    /// For a user name that does not exist: one derivation at the current strength, so that the time taken
    /// does not tell an unknown user from a wrong password. Always false.
    /// </summary>
    public static bool VerifyUnknown(string password)
    {
        _ = Derive(password, new byte[SaltBytes], DefaultIterations);
        return false;
    }

    private static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
}
