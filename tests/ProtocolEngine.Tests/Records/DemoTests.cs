using System.Diagnostics;
using System.Text.Json;
using System.Xml.Linq;
using ProtocolEngine.Tests.Records.Support;
using Xunit.Abstractions;

namespace ProtocolEngine.Tests.Records;

public class DemoTests(ITestOutputHelper output)
{
    [Fact]
    public void Demo_fills_a_fresh_database_with_a_consistent_reproducible_trial()
    {
        using var h = CliHarness.ForSeedProtocol();
        h.Clock.SetDate(new DateOnly(2026, 11, 27));
        var sw = Stopwatch.StartNew();
        var json = h.Ok("demo", "--participants", "66", "--seed", "42", "--format", "json");
        output.WriteLine($"demo 66 participants: {sw.ElapsedMilliseconds} ms");
        output.WriteLine(json);
        var s = JsonDocument.Parse(json).RootElement;
        var randomized = s.GetProperty("randomized").GetInt32();
        Assert.Equal(66, s.GetProperty("registered").GetInt32());
        Assert.Equal(66, randomized + s.GetProperty("ineligible").GetInt32());
        Assert.InRange(randomized, 50, 66);
        var arms = s.GetProperty("per_arm").EnumerateObject().Select(a => a.Value.GetInt32()).ToList();
        Assert.Equal(2, arms.Count);
        Assert.InRange(Math.Abs(arms[0] - arms[1]), 0, 3);
        // Some courses stop early (and a death during radiotherapy stops one): fewer than ten fractions each on average, but not many fewer.
        Assert.InRange(s.GetProperty("fractions").GetInt32(), randomized * 9, randomized * 10);
        Assert.InRange(s.GetProperty("stopped_courses").GetInt32(), 0, randomized / 5);
        Assert.True(s.GetProperty("assessments").GetInt32() > randomized * 2);
        Assert.True(s.GetProperty("adverse_events").GetInt32() > 0);
        Assert.Contains("Audit trail intact", h.Ok("audit", "verify"));
        Assert.Contains("already holds participants", h.Refused("demo", "--seed", "1"));
        var odm = Path.Combine(h.Dir, "export.xml");
        h.Ok("export", "--format", "odm", "--out", odm);
        Assert.Empty(OdmSchema.Validate(XDocument.Load(odm)));
        h.Ok("export", "--format", "csv", "--out", Path.Combine(h.Dir, "csv"));
        Assert.Equal(67, File.ReadAllLines(Path.Combine(h.Dir, "csv", "participants.csv")).Length);
        var due = JsonDocument.Parse(h.Ok("visits", "due", "--format", "json")).RootElement;
        Assert.True(due.GetArrayLength() > 0);

        h.Env["PROTOCOL_ENGINE_DB"] = Path.Combine(h.Dir, "again.db");
        var again = h.Ok("demo", "--participants", "66", "--seed", "42", "--format", "json");
        Assert.Equal(json, again);
    }
}
