using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Storage.LiteDb;
using ProtocolEngine.Tests.Records.Support;

namespace ProtocolEngine.Tests.Storage.Faults;

/// <summary>A small demo trial of the seed protocol (12 participants), made once for the read-only command tests.</summary>
public sealed class ReadOnlyDatabase : IDisposable
{
    public CliHarness Harness { get; } = CliHarness.ForSeedProtocol();

    /// <summary>A participant of the demo, for the commands that show one.</summary>
    public string Participant { get; }

    public ReadOnlyDatabase()
    {
        Harness.Clock.SetDate(new DateOnly(2027, 3, 1));
        Harness.Ok("demo", "--participants", "12", "--seed", "5");
        using var store = LiteRecordStore.OpenReadOnly(Harness.DbPath, TrialFixture.Key);
        Participant = store.Read(r => r.All<Participant>()[0].Id);
    }

    /// <summary>The read-only commands, each with the options it needs (an export goes to <paramref name="outDir"/>).</summary>
    public string[][] Commands(string outDir) =>
    [
        ["participant", "list"],
        ["participant", "show", "--participant", Participant],
        ["visits", "due", "--date", "2027-03-01"],
        ["visits", "list", "--participant", Participant, "--date", "2027-03-01"],
        ["diary", "list", "--participant", Participant],
        ["treatment", "show", "--participant", Participant],
        ["status", "show", "--participant", Participant],
        ["audit", "verify"],
        ["audit", "show", "--limit", "20"],
        ["export", "--format", "json", "--out", Path.Combine(outDir, "export.json")],
        ["export", "--format", "csv", "--out", Path.Combine(outDir, "tables")],
        ["report", "--format", "text"],
        ["endpoints"],
        ["amend", "show"],
    ];

    public void Dispose() => Harness.Dispose();
}
