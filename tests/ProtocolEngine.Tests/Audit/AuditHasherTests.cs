using System.Security.Cryptography;
using System.Text;
using ProtocolEngine.Engine.Audit;

namespace ProtocolEngine.Tests.Audit;

/// <summary>
/// The chain's hash is defined as SHA-256 over the UTF-8 text <c>PreviousHash + "\n" + RecordJson(entry without its
/// hash)</c>; every stored trail was hashed that way, so the hasher must give exactly that, however it builds the bytes.
/// </summary>
public sealed class AuditHasherTests
{
    private static string ByDefinition(AuditEntry e) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(e.PreviousHash + "\n" + RecordJson.Serialize(e with { Hash = "" }))));

    [Fact]
    public void The_hash_is_the_defined_one_for_plain_escaped_non_ascii_large_and_empty_entries()
    {
        var plain = new AuditEntry
        {
            Sequence = 7, TimestampUtc = new DateTimeOffset(2026, 11, 23, 8, 0, 15, TimeSpan.Zero), User = "lin", Action = "fraction-record",
            Collection = "fractions", RecordId = "mianyang-001-F01", ParticipantId = "mianyang-001",
            NewValue = "{\"dose_gy\":3}", ProtocolHash = new string('a', 64), PreviousHash = new string('b', 64), Hash = "ignored",
        };
        var cases = new[]
        {
            plain,
            plain with { Reason = "患者要求 \"更正\" <script>&'\u2028 😀", OldValue = "{\"x\":\"\\u0000\"}" },
            plain with { NewValue = new string('z', 200_000), Sequence = long.MaxValue },
            new AuditEntry { PreviousHash = AuditHasher.Genesis },
            new AuditEntry(),
        };
        foreach (var entry in cases)
            Assert.Equal(ByDefinition(entry), AuditHasher.Compute(entry));
        Assert.Equal(AuditHasher.Compute(plain), AuditHasher.Compute(plain with { Hash = "another" }));
        Assert.NotEqual(AuditHasher.Compute(plain), AuditHasher.Compute(plain with { Reason = "x" }));
    }

    [Fact]
    public void Entries_hashed_on_several_threads_at_once_each_get_their_own_hash()
    {
        var entries = Enumerable.Range(1, 2000).Select(i => new AuditEntry
        {
            Sequence = i, User = $"u{i % 7}", Action = "note", Collection = "meta", RecordId = $"r{i}", NewValue = new string('v', i % 500),
            PreviousHash = AuditHasher.Genesis,
        }).ToList();
        var hashes = new string[entries.Count];
        Parallel.For(0, entries.Count, i => hashes[i] = AuditHasher.Compute(entries[i]));
        Assert.Equal(entries.Select(ByDefinition), hashes);
    }
}
