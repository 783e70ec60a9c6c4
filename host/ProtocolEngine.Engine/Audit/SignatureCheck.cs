using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using ProtocolEngine.Engine.Security;
using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Engine.Audit;

/// <summary>
/// Follows the trail entry by entry and checks who vouches for it. The users' public keys and roles come from the
/// trail itself (the users entries, each in a transaction an administrator signed), the first administrator's
/// key being the root the rest hangs on. Every run of entries must be followed by signatures (<see cref="AuditSignature"/>)
/// of each user who wrote them, made with that user's key as the trail knew it then; a change to users must be
/// written by an administrator (or be a user's own new password hash, role and keys unchanged).
/// </summary>
internal sealed class SignatureCheck(List<AuditProblem> problems)
{
    private sealed record Known(Role Role, bool Active, string? SigningKey, string? Credential, string? RandomizationKey, ECDsa? Key);

    private readonly Dictionary<string, Known> _users = new(StringComparer.Ordinal);
    private readonly HashSet<string> _writers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _signers = new(StringComparer.Ordinal);
    private long _first, _last;
    private bool _afterSignatures;

    /// <summary>The fingerprint of the first administrator's signing key: the root of the trail's trust.</summary>
    public string? AdministratorKey { get; private set; }

    /// <summary>The last entry a valid signature covers (0: none).</summary>
    public long SignedThrough { get; private set; }

    /// <summary>The public signing key the trail gives a user now, or null.</summary>
    public string? SigningKeyOf(string user) => _users.GetValueOrDefault(user)?.SigningKey;

    public void Observe(AuditEntry e)
    {
        if (AuditSignature.Is(e))
        {
            CheckSignature(e);
            _afterSignatures = true;
            return;
        }
        if (_afterSignatures) CloseRun();
        if (_first == 0) _first = e.Sequence;
        _last = e.Sequence;
        if (!AuditSignature.Unsigned(e)) _writers.Add(e.User);
        if (e.Collection == UserAccount.Collection) Apply(e);
    }

    /// <summary>At the end of the trail: entries after the last signatures are vouched for by no one.</summary>
    public void Finish()
    {
        if (_afterSignatures) CloseRun();
        else if (_writers.Count > 0)
            problems.Add(new(_first, $"Entries {Range(_first, _last)} at the end of the trail (written as {Names(_writers)}) carry no signature: "
                + "they were added with the database key alone, or the signatures after them were removed."));
    }

    private void CheckSignature(AuditEntry e)
    {
        var at = e.Sequence.ToString(CultureInfo.InvariantCulture);
        if (!_users.TryGetValue(e.User, out var signer) || signer.Key is null)
            problems.Add(new(e.Sequence, $"Entry {at} is a signature by '{e.User}', who has no signing key at that point of the trail: it was made outside the program."));
        else if (!signer.Active)
            problems.Add(new(e.Sequence, $"Entry {at} is a signature by '{e.User}', who was disabled before it."));
        else if (e.NewValue is null || !UserKeys.Verify(signer.Key, AuditSignature.Message(e.Sequence, e.PreviousHash, e.User), e.NewValue))
            problems.Add(new(e.Sequence, $"Entry {at}: the signature of '{e.User}' does not match the trail before it (or is not that user's): "
                + "entries up to it were changed, added or removed after they were signed."));
        else
        {
            _signers.Add(e.User);
            SignedThrough = e.Sequence;
        }
    }

    private void CloseRun()
    {
        foreach (var writer in _writers.Where(w => !_signers.Contains(w)).Order(StringComparer.Ordinal))
            problems.Add(new(_first, $"Entries {Range(_first, _last)} were written as '{writer}' but carry no valid signature of '{writer}': "
                + "they were added or changed with the database key alone."));
        _writers.Clear();
        _signers.Clear();
        _first = _last = 0;
        _afterSignatures = false;
    }

    /// <summary>Takes a users entry into the known users, checking that its writer may make that change.</summary>
    private void Apply(AuditEntry e)
    {
        if (e.NewValue is null) return;
        Known next;
        try
        {
            using var json = JsonDocument.Parse(e.NewValue);
            var root = json.RootElement;
            var key = Text(root, "signing_key");
            next = new Known(Enum.Parse<Role>(root.GetProperty("role").GetString()!, ignoreCase: true), root.GetProperty("active").GetBoolean(), key,
                Text(root, "credential"), Text(root, "randomization_key"), UserKeys.PublicSigningKey(key));
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            problems.Add(new(e.Sequence, $"Entry {e.Sequence}: users record '{e.RecordId}' has a value the program does not write."));
            return;
        }
        var writer = _users.GetValueOrDefault(e.User);
        var before = _users.GetValueOrDefault(e.RecordId);
        var root0 = _users.Count == 0 && e.RecordId == e.User && next.Role == Role.Administrator;
        var byAdministrator = writer is { Role: Role.Administrator, Active: true };
        // A user's own new password hash (role, state and keys unchanged); a statistician's seal (only the randomization key changes).
        var ownCredential = before is not null && e.User == e.RecordId && Same(before with { Credential = null }, next with { Credential = null });
        var sealing = before is not null && writer is { Active: true } && RolePolicy.Allows(writer.Role, Permission.SealRandomization)
            && Same(before with { RandomizationKey = null }, next with { RandomizationKey = null });
        if (!root0 && !byAdministrator && !ownCredential && !sealing)
            problems.Add(new(e.Sequence, $"Entry {e.Sequence}: '{e.User}' changed users record '{e.RecordId}' (role {next.Role.ToString().ToLowerInvariant()}), "
                + "which only an administrator may do."));
        if (root0) AdministratorKey = next.SigningKey is { } rootKey ? UserKeys.Fingerprint(rootKey) : null;
        _users[e.RecordId] = next;
    }

    private static bool Same(Known a, Known b) => a with { Key = null } == b with { Key = null };

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Range(long first, long last) => first == last ? first.ToString(CultureInfo.InvariantCulture) : $"{first}-{last}";

    private static string Names(IEnumerable<string> users) => string.Join(", ", users.Order(StringComparer.Ordinal).Select(u => $"'{u}'"));
}
