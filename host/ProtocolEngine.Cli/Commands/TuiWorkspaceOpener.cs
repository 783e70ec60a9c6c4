using System.Security.Cryptography;
using ProtocolEngine.Cli.Records;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Security;
using ProtocolEngine.Engine.Storage;
using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Engine.Randomization;
using ProtocolEngine.Engine.Workspace;
using ProtocolEngine.Storage.LiteDb;

namespace ProtocolEngine.Cli.Commands;

/// <summary>
/// The terminal UI's way in: the protocol loaded as the records commands load it, the database found as they find
/// it (--db, PROTOCOL_ENGINE_DB, else data/&lt;protocol id&gt;.db beside the protocol), the key from --key-file or
/// PROTOCOL_ENGINE_DB_KEY when given, and the workspace over the session with the protocol's compiled rules,
/// randomization plugin and CTV selector.
/// </summary>
public sealed class TuiWorkspaceOpener : IWorkspaceOpener
{
    private readonly RecordsCliServices _services;
    private readonly Protocol _protocol;
    private readonly string? _key;

    /// <param name="services">The records services (protocol source, evaluators, allocators, environment, clock).</param>
    /// <param name="protocolPath">The protocol file.</param>
    /// <param name="db">The database file given on the command line, or null.</param>
    /// <param name="keyFile">The file holding the database key, or null.</param>
    public TuiWorkspaceOpener(RecordsCliServices services, string protocolPath, string? db, string? keyFile)
    {
        _services = services;
        _protocol = services.Protocols.Load(protocolPath);
        var explicitPath = db ?? services.Environment("PROTOCOL_ENGINE_DB");
        DatabasePath = !string.IsNullOrWhiteSpace(explicitPath) ? Path.GetFullPath(explicitPath)
            : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(protocolPath))!, "data", _protocol.Id + ".db");
        if (keyFile is not null)
        {
            if (!File.Exists(keyFile)) throw new CliInputException($"--key-file: no file at '{keyFile}'.");
            _key = File.ReadAllText(keyFile).Trim();
            if (_key.Length == 0) throw new CliInputException($"--key-file: '{keyFile}' is empty.");
        }
        else if (services.Environment("PROTOCOL_ENGINE_DB_KEY") is { Length: > 0 } env)
            _key = env;
    }

    public string DatabasePath { get; }
    public bool DatabaseExists => File.Exists(DatabasePath);
    public bool KeyGiven => _key is not null;
    public string? DefaultUser => _services.Environment("PROTOCOL_ENGINE_USER") is { Length: > 0 } u ? u : null;

    public CreatedDatabase Create(string adminUser, string password)
    {
        if (DatabaseExists) throw new RecordRejectedException("database", $"A database already exists at '{DatabasePath}'; it is never overwritten.");
        UserIdRule.Check(adminUser);
        if (password.Length < PasswordHasher.MinimumLength)
            throw new RecordRejectedException("password", $"The password must have at least {PasswordHasher.MinimumLength} characters.");
        // 32 random bytes, written in hex: the key is shown once and never stored in clear.
        var generated = _key is null ? Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant() : null;
        using (var store = LiteRecordStore.Create(DatabasePath, _key ?? generated!))
        {
            var session = TrialDatabase.Initialize(store, _protocol, adminUser, password, _services.Clock, scripts: Scripts());
            // The UI has no seal screen yet: for a protocol that states only the method it seals block sizes of 2 and 4 times the
            // ratio sum under the random seed of `init`; a statistician seals others with `randomization seal` before the first randomization.
            if (_protocol.Randomization is { Method: "permuted-blocks", BlockSizes.Count: 0 })
            {
                var sum = _protocol.Arms.Sum(a => a.Ratio);
                new AllocationSealing(session).Seal(null, [2 * sum, 4 * sum], []);
            }
        }
        return new CreatedDatabase(DatabasePath, adminUser, generated);
    }

    public ITrialWorkspace Open(string? key, string user, string password)
    {
        var theKey = _key ?? key;
        if (string.IsNullOrEmpty(theKey)) throw new RecordRejectedException("key", "The database key is needed (or set PROTOCOL_ENGINE_DB_KEY).");
        IRecordStore store;
        try { store = LiteRecordStore.Open(DatabasePath, theKey); }
        catch (StoreOpenException ex) { throw new RecordRejectedException("key", ex.Message); }
        try
        {
            var session = TrialDatabase.Open(store, _protocol, user, password, _services.Clock, Scripts());
            var evaluator = _services.Evaluators(_protocol);
            return new TrialWorkspace(session, evaluator, () => _services.Allocators(_protocol, SealedAllocation.Open(session)),
                _services.CtvSelectors?.Invoke(_protocol), store);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    private IReadOnlyDictionary<string, string>? Scripts() => _services.Protocols.DocumentOf(_protocol)?.Scripts;
}
