using System.Security.Cryptography;
using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Engine.Rules;

/// <summary>
/// The per-installation secret that authenticates compiled-rule cache files: 32 random bytes in a key file
/// only its owner can read (0600, in a 0700 folder), made on first use. Whoever can write the cache folder
/// but not read this file cannot make the engine load an assembly of their own.
/// </summary>
public static class RuleCacheSecret
{
    public const int Length = 32;

    /// <summary>The secret in <paramref name="path"/>, made when the file does not exist. Throws <see cref="UnauthorizedAccessException"/> for a key file others can read or that is a link.</summary>
    public static byte[] LoadOrCreate(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (File.Exists(path) || new FileInfo(path).LinkTarget is not null)
            {
                var info = new FileInfo(path);
                if (info.LinkTarget is not null)
                    throw new UnauthorizedAccessException($"the rule cache key {path} is a link; delete it (a new key is made)");
                if (!OwnerOnlyFiles.IsOwnerOnly(path))
                    throw new UnauthorizedAccessException($"the rule cache key {path} can be read or written by others; delete it (a new key is made) or make it owner-only (chmod 600)");
                var secret = File.ReadAllBytes(path);
                if (secret.Length == Length)
                    return secret;
                // A cut or empty key authenticates nothing: replace it (every cache file then compiles again).
                File.Delete(path);
            }
            OwnerOnlyFiles.CreateFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
            try
            {
                OwnerOnlyFiles.WriteAtomically(path, RandomNumberGenerator.GetBytes(Length), overwrite: false);
            }
            catch (IOException) when (File.Exists(path) && attempt < 3)
            {
                // Another process made it first: use theirs.
            }
        }
    }
}
