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

    /// <summary>A new account with a password check and new keys wrapped under the same PBKDF2 result (the keys are discarded).</summary>
    public static UserAccount Create(string userId, Role role, string password, int iterations = DefaultIterations) =>
        CreateWithKeys(userId, role, password, iterations).Account;

    /// <summary>A new account (scheme 1) and its keys, open for the caller: one PBKDF2 run gives both the password check and the key that wraps the keys.</summary>
    public static (UserAccount Account, UserKeys Keys) CreateWithKeys(string userId, Role role, string password, int iterations = DefaultIterations)
    {
        if (password.Length < MinimumLength)
            throw new RecordRejectedException("password", $"The password must have at least {MinimumLength} characters.");
        var keys = UserKeys.Generate(userId);
        return (Keyed(new UserAccount { Id = userId, Role = role }, password, iterations, keys), keys);
    }

    /// <summary>The account with a new salt and hash of the same password at <paramref name="iterations"/>, its keys wrapped again; role and state unchanged.</summary>
    public static UserAccount Rehash(UserAccount user, string password, UserKeys keys, int iterations = DefaultIterations) => Keyed(user, password, iterations, keys);

    private static UserAccount Keyed(UserAccount user, string password, int iterations, UserKeys keys)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var master = Derive(password, salt, iterations);
        return user with
        {
            Iterations = iterations, Salt = Convert.ToBase64String(salt), PasswordHash = Convert.ToBase64String(Check(master)), KeyScheme = 1,
            SigningKey = keys.SigningKey, ExchangeKey = keys.ExchangeKey, WrappedKeys = keys.Wrap(KeyWrap.Derive(master, WrapPurpose)),
        };
    }

    /// <summary>Derives with the user's own stored salt and iteration count and compares in constant time.</summary>
    public static bool Verify(UserAccount user, string password) => Unlock(user, password).Verified;

    /// <summary>
    /// One PBKDF2 run: whether the password is the user's, and (scheme 1) the user's keys unwrapped with it. Keys are
    /// null for a scheme-0 account, and for a scheme-1 account whose wrapped keys were replaced behind the trail's back.
    /// </summary>
    public static (bool Verified, UserKeys? Keys) Unlock(UserAccount user, string password)
    {
        var expected = Convert.FromBase64String(user.PasswordHash);
        var master = Derive(password, Convert.FromBase64String(user.Salt), user.Iterations);
        var actual = user.KeyScheme == 1 ? Check(master) : master;
        if (!CryptographicOperations.FixedTimeEquals(expected, actual))
            return (false, null);
        return (true, user.KeyScheme == 1 ? UserKeys.Unwrap(user.Id, user.WrappedKeys, KeyWrap.Derive(master, WrapPurpose)) : null);
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

    /// <summary>A digest of everything that proves the user (salt, hash, iterations, scheme, wrapped keys): what the trail keeps instead of them.</summary>
    public static string CredentialDigest(UserAccount user) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        $"ProtocolEngine.Credential/1\n{user.Salt}\n{user.PasswordHash}\n{user.Iterations}\n{user.KeyScheme}\n{user.WrappedKeys}")));

    private const string WrapPurpose = "ProtocolEngine.KeyWrap/1";

    private static byte[] Check(byte[] master) => KeyWrap.Derive(master, "ProtocolEngine.PasswordCheck/1");

    private static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
}
