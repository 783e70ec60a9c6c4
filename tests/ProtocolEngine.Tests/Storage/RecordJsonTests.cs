using ProtocolEngine.Cli;
using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Storage;

public sealed class RecordJsonTests
{
    [Fact]
    public void The_protocol_serializes_to_the_same_text_with_generated_metadata_as_by_reflection()
    {
        // A protocol's version is the hash of this text: generated metadata must not change a stored version.
        var document = Edges.Engine.Loader.Load(RepoPaths.SeedProtocol).Document!;
        var generated = ProtocolFingerprint.CanonicalJson(document.Protocol, document.Scripts);
        var reflected = System.Text.Json.JsonSerializer.Serialize(new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["protocol"] = document.Protocol,
            ["scripts"] = new SortedDictionary<string, string>(document.Scripts.ToDictionary(kv => Path.GetFileName(kv.Key), kv => kv.Value.ReplaceLineEndings("\n")), StringComparer.Ordinal),
        }, RecordJson.ReflectionOnly);
        Assert.Equal(reflected, generated);
        Assert.Contains("\"primary_endpoint\"", generated);
        var generatedInfo = ((System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver)ModelJsonContext.Default).GetTypeInfo(typeof(ProtocolEngine.Engine.Model.Protocol), RecordJson.Options);
        Assert.NotNull(generatedInfo);
        Assert.Same(RecordJson.Options, generatedInfo.Options);
        Assert.Equal(RecordJson.Serialize(document.Protocol), System.Text.Json.JsonSerializer.Serialize(document.Protocol, RecordJson.ReflectionOnly));
    }

    [Fact]
    public void Every_kind_of_record_and_audit_entry_serializes_to_the_same_text_with_generated_metadata_as_by_reflection()
    {
        // Stored records and audit values are compared with what the trail holds: the generated metadata must not
        // change one byte of any record a demo trial makes (every kind, with its lists and optional fields).
        using var f = new ProtocolEngine.Tests.Records.Support.TrialFixture(inMemory: true);
        var admin = ProtocolEngine.Engine.Trial.TrialDatabase.Open(f.Store, f.Protocol, "admin", ProtocolEngine.Tests.Records.Support.TrialFixture.Password, f.Clock, upgradeHash: false).User;
        new ProtocolEngine.Engine.Demo.DemoGenerator(f.Store, f.Protocol, admin, new ProtocolEngine.Engine.Screening.UnevaluatedScreening(f.Protocol),
            new ProtocolEngine.Tests.Records.Support.AlternatingAllocator(), new ProtocolEngine.Engine.Demo.DemoOptions { Seed = 5 }).Run(30, new DateOnly(2026, 11, 27));
        var kinds = 0;
        void Same<T>() where T : class, IRecord
        {
            var records = f.Store.Read(r => r.All<T>());
            foreach (var record in records)
                Assert.Equal(System.Text.Json.JsonSerializer.Serialize(record, RecordJson.ReflectionOnly), RecordJson.Serialize(record));
            if (records.Count > 0) kinds++;
        }
        Same<ProtocolEngine.Engine.Participants.Participant>();
        Same<ProtocolEngine.Engine.Screening.ScreeningRecord>();
        Same<ProtocolEngine.Engine.Randomization.RandomizationRecord>();
        Same<ProtocolEngine.Engine.Treatment.FractionRecord>();
        Same<ProtocolEngine.Engine.Treatment.TreatmentStop>();
        Same<ProtocolEngine.Engine.Treatment.TargetVolume>();
        Same<ProtocolEngine.Engine.Assessments.Assessment>();
        Same<ProtocolEngine.Engine.Assessments.DiaryEntry>();
        Same<ProtocolEngine.Engine.Assessments.VisitRecord>();
        Same<ProtocolEngine.Engine.Safety.AdverseEvent>();
        Same<ProtocolEngine.Engine.Safety.ImagingFinding>();
        Same<ProtocolEngine.Engine.FollowUp.VitalStatusRecord>();
        Same<ProtocolEngine.Engine.FollowUp.Withdrawal>();
        Same<ProtocolEngine.Engine.Security.UserAccount>();
        Same<ProtocolEngine.Engine.Trial.ProtocolVersion>();
        Assert.True(kinds >= 10, $"only {kinds} kinds of record had any to compare");
        var entries = f.Store.Read(r => r.Audit().Take(2000).ToList());
        Assert.True(entries.Count > 100);
        foreach (var entry in entries)
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(entry, RecordJson.ReflectionOnly), RecordJson.Serialize(entry));
    }
}
