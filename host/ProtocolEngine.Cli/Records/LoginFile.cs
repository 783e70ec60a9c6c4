using System.Security.Cryptography;
using System.Text;

namespace ProtocolEngine.Cli.Records;

/// <summary>
/// Where `protocol-engine login` keeps its token: $XDG_STATE_HOME/protocol-engine/logins/ (else
/// ~/.local/state/protocol-engine/logins/), one file per database, named by the SHA-256 of the database's
/// full path. The folder is 0700 and the file 0600 from the moment it exists: it is written under a
/// temporary name created with that mode and then renamed over the old one.
/// </summary>
public sealed class LoginFile(string path)
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDir = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public string Path => path;

    public static LoginFile For(string dbPath, Func<string, string?> environment)
    {
        var state = environment("XDG_STATE_HOME") is { Length: > 0 } xdg && System.IO.Path.IsPathRooted(xdg) ? xdg
            : System.IO.Path.Combine(environment("HOME") is { Length: > 0 } home ? home : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
        var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(System.IO.Path.GetFullPath(dbPath))))[..32] + ".token";
        return new LoginFile(System.IO.Path.Combine(state, "protocol-engine", "logins", name));
    }

    /// <summary>The token, or null when there is no login file.</summary>
    public string? Read() => File.Exists(path) ? File.ReadAllText(path).Trim() : null;

    public void Write(string token)
    {
        var dir = System.IO.Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(dir);
        else Directory.CreateDirectory(dir, OwnerOnlyDir);
        var temp = System.IO.Path.Combine(dir, $".{System.IO.Path.GetFileName(path)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnlyFile;
        try
        {
            using (var stream = new FileStream(temp, options))
            using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
                writer.Write(token + "\n");
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    public void Delete() => File.Delete(path);
}
