using System.CommandLine;
using ProtocolEngine.Storage.LiteDb;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Randomization;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Engine.Security;

namespace ProtocolEngine.Cli.Records;

/// <summary>Resolves protocol, database path, key and user for a command, and opens the store and session.</summary>
public sealed class SessionFactory(CliConsole console, RecordsCliServices services, RecordOptions options)
{
    public RecordsCliServices Services => services;

    public Protocol LoadProtocol(ParseResult parse) => services.Protocols.Load(parse.GetValue(options.Protocol)!);

    public string DbPath(ParseResult parse, Protocol protocol)
    {
        var explicitPath = parse.GetValue(options.Db) ?? services.Environment("PROTOCOL_ENGINE_DB");
        if (!string.IsNullOrWhiteSpace(explicitPath)) return Path.GetFullPath(explicitPath);
        var dir = Path.GetDirectoryName(Path.GetFullPath(parse.GetValue(options.Protocol)!))!;
        return Path.Combine(dir, "data", protocol.Id + ".db");
    }

    public string Key(ParseResult parse)
    {
        if (parse.GetValue(options.KeyFile) is { } file)
        {
            if (!File.Exists(file)) throw new CliInputException($"--key-file: no file at '{file}'.");
            var fromFile = File.ReadAllText(file).Trim();
            if (fromFile.Length == 0) throw new CliInputException($"--key-file: '{file}' is empty.");
            return fromFile;
        }
        return services.Environment("PROTOCOL_ENGINE_DB_KEY") is { Length: > 0 } env ? env
            : services.Prompt.Ask("Database key", secret: true) ?? "";
    }

    public (string User, string Password) Credentials()
    {
        var user = services.Environment("PROTOCOL_ENGINE_USER") is { Length: > 0 } u ? u : services.Prompt.Ask("User");
        var password = services.Environment("PROTOCOL_ENGINE_PASSWORD") is { Length: > 0 } pw ? pw : services.Prompt.Ask("Password", secret: true);
        if (string.IsNullOrEmpty(user) || string.IsNullOrEmpty(password))
            throw new CliInputException("No user: set PROTOCOL_ENGINE_USER and PROTOCOL_ENGINE_PASSWORD, run `protocol-engine login`, or run in a terminal to be asked.");
        return (user, password);
    }

    /// <summary>The login token file of the database at <paramref name="dbPath"/> (it may not exist).</summary>
    public LoginFile LoginFile(string dbPath) => Records.LoginFile.For(dbPath, services.Environment);

    /// <summary>
    /// Opens the database and an authenticated session; the caller disposes the returned store. A command that
    /// only reads passes <paramref name="readOnly"/>: it then runs beside other readers and cannot change the file.
    /// The user proves themself with PROTOCOL_ENGINE_PASSWORD when it is set, else with the token of
    /// `protocol-engine login` when there is one, else with the password asked at the terminal;
    /// <paramref name="passwordOnly"/> ignores a login token (`login` itself); <paramref name="key"/> is the database key
    /// when the caller already asked for it.
    /// </summary>
    public OpenSession Open(ParseResult parse, bool readOnly = false, bool passwordOnly = false, string? key = null)
    {
        var protocol = LoadProtocol(parse);
        var path = DbPath(parse, protocol);
        var token = passwordOnly || services.Environment("PROTOCOL_ENGINE_PASSWORD") is { Length: > 0 } ? null : LoginFile(path).Read();
        var (user, password) = token is null ? Credentials() : ("", "");
        key ??= Key(parse);
        var store = readOnly ? LiteRecordStore.OpenReadOnly(path, key) : LiteRecordStore.Open(path, key);
        try
        {
            var session = token is null
                ? TrialDatabase.Open(store, protocol, user, password, services.Clock, Scripts(protocol), upgradeHash: !readOnly)
                : TrialDatabase.OpenWithToken(store, protocol, token, services.Clock, Scripts(protocol));
            if (token is not null && services.Environment("PROTOCOL_ENGINE_USER") is { Length: > 0 } named && named != session.User.Id)
                throw new AuthenticationException($"The login of this database is '{session.User.Id}', but PROTOCOL_ENGINE_USER is '{named}'; "
                    + $"set PROTOCOL_ENGINE_PASSWORD for '{named}', or {LoginService.RunLogin} as '{named}'.");
            if (session.PendingChanges.Count > 0)
                console.Error.WriteLine($"warning: the protocol differs from the version this database accepted ({session.PendingChanges.Count} changes; "
                    + "`protocol-engine amend show` lists them, an administrator accepts them with `amend accept`); reading only.");
            return new OpenSession(store, session);
        }
        catch (AuthenticationException ex) when (readOnly && ex.CredentialsRejected)
        {
            // A read-only command cannot write; the failed login is counted (and audited) all the same.
            store.Dispose();
            using (var writable = LiteRecordStore.Open(path, key))
                LoginThrottle.RecordFailure(writable, user, services.Clock);
            throw;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>The texts of the protocol's rule scripts: part of the protocol version the records are made under.</summary>
    public IReadOnlyDictionary<string, string>? Scripts(Protocol protocol) => services.Protocols.DocumentOf(protocol)?.Scripts;

    /// <summary>The allocator from the sealed allocation secret, opened with the session user's keys (refused with what to do when they cannot).</summary>
    public IAllocator Allocator(TrialSession session) => services.Allocators(session.Protocol, SealedAllocation.Open(session));

    /// <summary>The arms' CTV selector for the session's protocol, when the services provide one.</summary>
    public ICtvSelector? CtvSelector(TrialSession session) => services.CtvSelectors?.Invoke(session.Protocol);
}
