using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using ProtocolEngine.Engine.Loading;

namespace ProtocolEngine.Engine.Rules;

/// <summary>
/// The cache key of a compiled protocol: a SHA-256 over every input of the compile: the protocol
/// and its files (content hash), each script's path and text, the engine, contracts and compiler
/// builds (module version ids change with every build) and the runtime.
/// </summary>
public static class RuleCacheKey
{
    private const string Format = "protocol-engine-rules/1";

    /// <param name="document">The loaded protocol.</param>
    /// <param name="compiler">The compiler on a miss; its assembly's build is part of the key (reading it loads none of the compiler's dependencies).</param>
    public static string For(ProtocolDocument document, IRuleCompiler compiler)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) { sha.AppendData(Encoding.UTF8.GetBytes(text)); sha.AppendData([0]); }
        Add(Format);
        Add(typeof(RuleCacheKey).Assembly.ManifestModule.ModuleVersionId.ToString());
        Add(typeof(Contracts.Rules.RuleParticipant).Assembly.ManifestModule.ModuleVersionId.ToString());
        Add(compiler.GetType().Assembly.ManifestModule.ModuleVersionId.ToString());
        Add(typeof(RuleCacheKey).Assembly.GetName().Version?.ToString() ?? "");
        Add(Environment.Version.ToString());
        Add(RuntimeInformation.FrameworkDescription);
        Add(document.ContentHash);
        Add(Path.GetFullPath(document.Path));
        foreach (var (file, text) in document.Scripts.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            Add(file);
            Add(text);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
