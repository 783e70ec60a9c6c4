using System.Text.Json;
using ProtocolEngine.Storage.LiteDb;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Randomization;
using ProtocolEngine.Engine.Screening;
using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Engine.Security;
using ProtocolEngine.Engine.Storage.InMemory;

namespace ProtocolEngine.Tests.Records.Support;

/// <summary>
/// A fresh encrypted trial database in a temp folder, with users of every role (cheap hashes for speed).
/// <c>inMemory: true</c> puts the trial in an <see cref="InMemoryRecordStore"/> instead, for tests of
/// service logic that need a store but no file (it has no file to close or reopen).
/// </summary>
public sealed class TrialFixture : IDisposable
{
    public const string Key = "test-key-0123456789";
    public const string Password = "password-123";
    public const int FastIterations = 1_000;
    public static readonly DateOnly Start = new(2026, 9, 7); // a Monday

    public string Dir { get; } = Directory.CreateTempSubdirectory("pe-records-").FullName;
    public string DbPath => Path.Combine(Dir, "trial.db");
    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 9, 7, 9, 0, 0, TimeSpan.Zero));
    public Protocol Protocol { get; }
    public IRecordStore Store { get; private set; }
    public bool InMemory { get; }

    public TrialFixture(Protocol? protocol = null, bool inMemory = false)
    {
        Protocol = protocol ?? TestProtocols.Spine();
        InMemory = inMemory;
        Store = inMemory ? new InMemoryRecordStore() : LiteRecordStore.Create(DbPath, Key);
        var admin = TrialDatabase.Initialize(Store, Protocol, "admin", Password, Clock, FastIterations);
        var users = new UserService(admin);
        foreach (var role in new[] { Role.Coordinator, Role.Investigator, Role.Statistician, Role.Monitor })
            users.Add(role.ToString().ToLowerInvariant(), role, Password, FastIterations);
    }

    /// <summary>A session as the user; the fixture's test-strength hashes are kept (not upgraded) so tests stay fast.</summary>
    public TrialSession As(string user, Protocol? protocol = null) => TrialDatabase.Open(Store, protocol ?? Protocol, user, Password, Clock, upgradeHash: false);

    public void Reopen()
    {
        RequireFile();
        Store.Dispose();
        Store = LiteRecordStore.Open(DbPath, Key);
    }

    public void Close()
    {
        RequireFile();
        Store.Dispose();
    }

    private void RequireFile()
    {
        if (InMemory)
            throw new InvalidOperationException("An in-memory trial has no file to close or reopen; use the default TrialFixture for tests of the file.");
    }

    public static Dictionary<string, JsonElement> Variables(int ecog = 1, int metastases = 1) => new()
    {
        ["age"] = JsonSerializer.SerializeToElement(63), ["ecog"] = JsonSerializer.SerializeToElement(ecog),
        ["primary_tumour"] = JsonSerializer.SerializeToElement("lung"), ["vertebral_metastases"] = JsonSerializer.SerializeToElement(metastases),
        ["worst_pain"] = JsonSerializer.SerializeToElement(7), ["cord_compression"] = JsonSerializer.SerializeToElement(false),
    };

    public static Dictionary<string, bool> AllMet() => new() { ["I1"] = true, ["I2"] = true, ["I3"] = true, ["E1"] = false, ["E5"] = false };

    /// <summary>Registers, screens (eligible by attestation) and optionally randomizes a participant.</summary>
    public Participant Enrol(bool randomize = true, IAllocator? allocator = null)
    {
        var s = As("coordinator");
        var p = new ParticipantService(s).Register("mch", null, "AB", 1960, Sex.Female, Today);
        new ScreeningService(s, new UnevaluatedScreening(Protocol)).Screen(p.Id, Variables(), AllMet());
        if (randomize) new RandomizationService(s, allocator ?? new AlternatingAllocator()).Randomize(p.Id);
        return p;
    }

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    public void Dispose()
    {
        Store.Dispose();
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
    }
}
