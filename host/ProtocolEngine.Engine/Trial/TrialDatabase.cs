using System.Globalization;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Audit;
using ProtocolEngine.Engine.Storage;
using ProtocolEngine.Engine.Security;
using ProtocolEngine.Engine.Roster;
using ProtocolEngine.Engine.Randomization;

namespace ProtocolEngine.Engine.Trial;

/// <summary>Creates a trial database for a protocol and opens sessions on it.</summary>
public static class TrialDatabase
{
    public const string ProtocolIdKey = "protocol.id";
    public const string CurrentVersionKey = "protocol.current";
    /// <summary>
    /// Writes the protocol id, protocol version 1, a secret allocation seed (sealed: <see cref="SealedAllocation"/>; the
    /// administrator holds its key) and the first administrator, whose keys sign this first transaction.
    /// </summary>
    public static TrialSession Initialize(IRecordStore store, Protocol protocol, string adminUser, string adminPassword, TimeProvider clock,
        int iterations = PasswordHasher.DefaultIterations, string? allocationSeed = null, IReadOnlyDictionary<string, string>? scripts = null)
    {
        if (store.Read(r => r.GetMeta(ProtocolIdKey)) is { } existing)
            throw new StoreOpenException($"'{store.Location}' is already the database of protocol '{existing}'.");
        UserIdRule.Check(adminUser);
        var (admin, keys) = PasswordHasher.CreateWithKeys(adminUser, Role.Administrator, adminPassword, iterations);
        var json = ProtocolFingerprint.CanonicalJson(protocol, scripts);
        var hash = ProtocolFingerprint.Hash(json);
        store.Write(w =>
        {
            var audited = new AuditedWriter(w, adminUser, hash, clock);
            audited.SetMeta(ProtocolIdKey, protocol.Id);
            audited.Note("init", "meta", ProtocolIdKey, null, protocol.Id, "database created");
            audited.SetSetting(CurrentVersionKey, hash, hash, "protocol version 1");
            var seed = allocationSeed ?? Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            keys.RandomizationKey = SealedAllocation.Seal(audited, protocol.Id, new AllocationSecret { Seed = seed }, "allocation seed made, sealed");
            admin = SealedAllocation.Give(admin, keys.RandomizationKey);
            audited.Create(new ProtocolVersion
            {
                Id = hash, Number = 1, Label = protocol.Version ?? "", Json = json, AcceptedAtUtc = audited.Now, AcceptedBy = adminUser,
            }, "protocol-accept");
            audited.Create(admin, "user-add");
            ParticipantRoster.MarkEmpty(w, hash);
            audited.Sign(keys);
            return 0;
        });
        return new TrialSession(store, protocol, admin, clock, [], scripts) { Keys = keys };
    }

    /// <summary>
    /// Checks the database belongs to the protocol, authenticates the user and compares protocol versions. A hash
    /// made with fewer than <see cref="PasswordHasher.DefaultIterations"/> is replaced by one at that strength
    /// (an audited change of the user record) unless <paramref name="upgradeHash"/> is false (read-only opens).
    /// </summary>
    public static TrialSession Open(IRecordStore store, Protocol protocol, string userName, string password, TimeProvider clock,
        IReadOnlyDictionary<string, string>? scripts = null, bool upgradeHash = true)
    {
        var current = CheckProtocol(store, protocol);
        LoginThrottle.Check(store, userName, clock);
        var user = store.Read(r => r.Find<UserAccount>(userName));
        var (verified, keys) = user is null ? (PasswordHasher.VerifyUnknown(password), null) : PasswordHasher.Unlock(user, password);
        if (user is null || !verified || !user.Active)
        {
            // A writing open counts the failure here; a read-only one cannot write, and its host counts it (SessionFactory).
            if (upgradeHash)
                LoginThrottle.RecordFailure(store, userName, clock);
            throw new AuthenticationException($"Unknown user or wrong password for '{userName}' (PROTOCOL_ENGINE_USER / PROTOCOL_ENGINE_PASSWORD).")
            {
                CredentialsRejected = true,
            };
        }
        if (user.KeyScheme == 1 && (keys is null || keys.SigningKey != user.SigningKey))
            throw new AuthenticationException($"The keys of '{userName}' do not open with its password or do not match its public key: the user's record was changed "
                + "outside the audit trail; run `protocol-engine audit verify` and ask an administrator.");
        if (upgradeHash)
            LoginThrottle.Reset(store, user.Id, clock, keys);
        var session = Session(store, protocol, user, clock, scripts, current, keys);
        if (upgradeHash && keys is not null && user.Iterations < PasswordHasher.DefaultIterations)
        {
            var upgraded = PasswordHasher.Rehash(user, password, keys);
            store.Write(w =>
            {
                var audited = new AuditedWriter(w, user.Id, session.ProtocolHash, clock);
                audited.Change(user, upgraded, "user-password-upgrade", "password hash upgraded");
                audited.Sign(keys);
                return 0;
            });
            session = Session(store, protocol, upgraded, clock, scripts, current, keys);
        }
        return session;
    }

    /// <summary>Like <see cref="Open"/>, proving the user with a login token (<see cref="LoginService"/>) instead of the password.</summary>
    public static TrialSession OpenWithToken(IRecordStore store, Protocol protocol, string token, TimeProvider clock,
        IReadOnlyDictionary<string, string>? scripts = null)
    {
        var current = CheckProtocol(store, protocol);
        var (user, keys) = LoginService.Unlock(store, token, clock);
        return Session(store, protocol, user, clock, scripts, current, keys);
    }

    /// <summary>The accepted protocol version's hash, after checking the database is this protocol's.</summary>
    private static string? CheckProtocol(IRecordStore store, Protocol protocol)
    {
        var (protocolId, current) = store.Read(r => (r.GetMeta(ProtocolIdKey), r.GetMeta(CurrentVersionKey)));
        if (protocolId is null)
            throw new StoreOpenException($"'{store.Location}' is not an initialized trial database (no protocol id); create one with `protocol-engine init`.");
        if (protocolId != protocol.Id)
            throw new StoreOpenException($"'{store.Location}' belongs to protocol '{protocolId}', not '{protocol.Id}'; pass the matching --protocol or another --db.");
        return current;
    }

    private static TrialSession Session(IRecordStore store, Protocol protocol, UserAccount user, TimeProvider clock,
        IReadOnlyDictionary<string, string>? scripts, string? current, UserKeys? keys)
    {
        var hash = ProtocolFingerprint.HashOf(protocol, scripts);
        IReadOnlyList<string> changes = [];
        if (hash != current)
        {
            var json = ProtocolFingerprint.CanonicalJson(protocol, scripts);
            var accepted = store.Read(r => r.Find<ProtocolVersion>(current ?? ""))
                ?? throw new StoreOpenException($"The accepted protocol version {current} is missing from '{store.Location}'.");
            changes = ProtocolDiff.Compare(accepted.Json, json);
            if (changes.Count == 0)
                changes = [string.Create(CultureInfo.InvariantCulture, $"content hash {current} -> {hash}")];
        }
        if (keys is not null) keys.RandomizationKey = SealedAllocation.KeyOf(user, keys);
        return new TrialSession(store, protocol, user, clock, changes, scripts) { Keys = keys };
    }
}
