using System.Security.Cryptography;
using System.Text;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Engine.Audit;

/// <summary>
/// The meta values that are settings (the protocol id, the accepted version, the sealed randomization secret):
/// each is set with a note in the trail (<see cref="AuditedWriter.SetSetting"/>), and <see cref="AuditVerifier"/>
/// compares each with the last value the trail gives it. Counters and the chain head are not settings.
/// </summary>
public static class MetaSettings
{
    /// <summary>The settings every database has from <c>init</c> on; others are checked once the trail names them.</summary>
    public static IReadOnlyList<string> Required { get; } = [TrialDatabase.ProtocolIdKey, TrialDatabase.CurrentVersionKey];

    /// <summary>What the trail keeps of a secret setting: "sha256:" and the hex digest of its value.</summary>
    public static string Digest(string value) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    /// <summary>True when the stored <paramref name="value"/> is what the trail's <paramref name="audited"/> says (the value, or its digest).</summary>
    public static bool Matches(string? value, string? audited) =>
        value is not null && audited is not null && (value == audited || Digest(value) == audited);
}
