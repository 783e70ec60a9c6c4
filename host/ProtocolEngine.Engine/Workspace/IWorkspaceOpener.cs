namespace ProtocolEngine.Engine.Workspace;

/// <summary>
/// How a host reaches a trial's workspace: the database it would open, whether it exists yet, whether the key
/// comes from the environment, and creating (first run) or opening it with a user's password. The terminal UI
/// asks for what is missing; a remote client would implement this over its server.
/// </summary>
public interface IWorkspaceOpener
{
    /// <summary>Where the database is (a file path, or a server's address).</summary>
    string DatabasePath { get; }

    /// <summary>False on the first run: the database has to be created first.</summary>
    bool DatabaseExists { get; }

    /// <summary>True when the environment (or a key file) gives the database key, so nobody is asked for it.</summary>
    bool KeyGiven { get; }

    /// <summary>The user the environment names (PROTOCOL_ENGINE_USER), to fill the login's first field.</summary>
    string? DefaultUser { get; }

    /// <summary>Creates the database with its administrator; the key is generated (and returned, to be shown once) unless the environment gives it.</summary>
    /// <param name="adminUser">The administrator's user id.</param>
    /// <param name="password">The administrator's password.</param>
    CreatedDatabase Create(string adminUser, string password);

    /// <summary>Opens the database as the user; <paramref name="key"/> is null when <see cref="KeyGiven"/>.</summary>
    /// <param name="key">The database key typed at the login, or null to take the environment's.</param>
    /// <param name="user">The user id.</param>
    /// <param name="password">The user's password.</param>
    ITrialWorkspace Open(string? key, string user, string password);
}

/// <summary>A new database: where it is, its administrator, and the key generated for it (null when the environment gave the key).</summary>
public sealed record CreatedDatabase(string DatabasePath, string AdminUser, string? GeneratedKey);
