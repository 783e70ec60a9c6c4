using System.Text;
using System.Text.Json;
using ProtocolEngine.Cli;
using ProtocolEngine.Cli.Output;
using ProtocolEngine.Csv;
using ProtocolEngine.Engine.Export;
using ProtocolEngine.Engine.Export.Tables;
using ProtocolEngine.Engine.FollowUp;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Storage.LiteDb;
using ProtocolEngine.Tests.Records.Support;

namespace ProtocolEngine.Tests.Records;

/// <summary>
/// The exports stream (table by table, record by record, from scans) and still write exactly what the in-memory
/// export wrote before (<see cref="LegacyExport"/>, kept here only), byte for byte.
/// </summary>
public class StreamingExportTests
{
    private static string Json(TrialSession session)
    {
        using var bytes = new MemoryStream();
        new ExportService(session).WriteJson(bytes);
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static string Odm(TrialSession session)
    {
        var text = new StringWriter();
        new ExportService(session).WriteOdm(text);
        return text.ToString();
    }

    /// <summary>The CSV texts of the in-memory export's tidy tables, by file name.</summary>
    private static Dictionary<string, string> CsvTexts(TrialExport export, TrialSession session) =>
        TidyTables.Of(export, session.Protocol).ToDictionary(t => t.Name + ".csv", CsvTables.Text);

    private static Dictionary<string, string> Csv(TrialSession session)
    {
        var tables = new Dictionary<string, string>();
        new ExportService(session).WriteTables(table => tables.Add(table.Name + ".csv", CsvTables.Text(table)));
        return tables;
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("statistician")]
    [InlineData("monitor")]
    [InlineData("coordinator")]
    public void Json_odm_and_csv_are_what_the_in_memory_export_wrote_for_every_role(string user)
    {
        using var t = new TrialFixture();
        Populate.Full(t);
        var session = t.As(user);

        var json = Json(session);
        Assert.Equal(LegacyExport.Json(session), json);
        Assert.Equal(JsonSerializer.Serialize(new ExportService(session).Collect(), RecordJson.Indented), json);
        Assert.Equal(LegacyExport.Odm(session), Odm(session));
        Assert.Equal(CsvTexts(LegacyExport.Collect(session), session), Csv(session));
    }

    /// <summary>Courses are computed in one pass over the fractions: stopped, ended by a death, not started, and a participant never randomized between them.</summary>
    [Fact]
    public void Courses_stopped_ended_by_a_death_or_not_started_are_exported_as_before()
    {
        using var t = new TrialFixture();
        var stopped = t.Enrol();
        var died = t.Enrol();
        t.Enrol(randomize: false);
        var notStarted = t.Enrol();
        var lost = t.Enrol();
        var s = new TreatmentService(t.As("investigator"));
        for (var d = 0; d < 3; d++)
        {
            t.Clock.SetDate(TrialFixture.Start.AddDays(d));
            foreach (var p in new[] { stopped, died, lost }) s.Record(p.Id, TrialFixture.Start.AddDays(d), missed: d == 1 && p == died);
        }
        t.Clock.SetDate(TrialFixture.Start.AddDays(3));
        new TreatmentService(t.As("investigator")).Stop(stopped.Id, TrialFixture.Start.AddDays(3), StopReason.Toxicity, "grade 3 esophagitis");
        new VitalStatusService(t.As("coordinator")).Set(died.Id, VitalStatus.Died, TrialFixture.Start.AddDays(3), DeathCause.Disease, null);
        new VitalStatusService(t.As("coordinator")).Set(lost.Id, VitalStatus.LostToFollowUp, TrialFixture.Start.AddDays(3), null, null);
        var session = t.As("statistician");

        var export = new ExportService(session).Collect();
        Assert.Equal([CourseState.Stopped, CourseState.Stopped, CourseState.NotStarted, CourseState.Ongoing], export.Courses.Select(c => c.State));
        Assert.Equal(StopReason.Death, export.Courses[1].StopReason);
        Assert.Equal(LegacyExport.Json(session), Json(session));
        Assert.Equal(LegacyExport.Odm(session), Odm(session));
        Assert.Equal(CsvTexts(LegacyExport.Collect(session), session), Csv(session));
    }

    [Fact]
    public void An_empty_trial_exports_as_before()
    {
        using var t = new TrialFixture();
        var session = t.As("admin");
        Assert.Equal(LegacyExport.Json(session), Json(session));
        Assert.Equal(LegacyExport.Odm(session), Odm(session));
        Assert.Equal(CsvTexts(LegacyExport.Collect(session), session), Csv(session));
    }

    [Fact]
    public void Exports_read_no_table_whole_and_make_no_read_while_a_scan_is_open()
    {
        using var t = new TrialFixture();
        Populate.Full(t);
        var expected = LegacyExport.Json(t.As("statistician"));
        var store = new StreamingOnlyStore(t.Store);
        var session = TrialDatabase.Open(store, t.Protocol, "statistician", TrialFixture.Password, t.Clock, upgradeHash: false);

        Assert.Equal(expected, Json(session));
        Assert.True(store.Scans >= 15);
        Assert.Equal(1, store.TrailReads);
        Assert.Contains("mch-002", Odm(session));
        Assert.Equal(TidyTables.Of(new TrialExport(), t.Protocol).Count, Csv(session).Count);
    }

    [Fact]
    public void An_output_file_appears_only_once_complete()
    {
        var dir = Directory.CreateTempSubdirectory("pe-out-").FullName;
        try
        {
            var file = Path.Combine(dir, "export.json");
            File.WriteAllText(file, "an earlier export");
            Assert.Throws<IOException>(() => OutputFile.WriteText(file, w =>
            {
                w.Write("half of it");
                throw new IOException("the disk is full");
            }));
            Assert.Equal("an earlier export", File.ReadAllText(file));
            Assert.Equal([file], Directory.GetFiles(dir));
            OutputFile.WriteText(file, w => w.Write("the new export ≥"));
            Assert.Equal("the new export ≥", File.ReadAllText(file));
            Assert.Equal([file], Directory.GetFiles(dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>A demo trial through the command line: every format, to a file and to standard output, against the in-memory export.</summary>
    [Fact]
    public void A_demo_trial_exports_through_the_command_line_as_before()
    {
        using var h = CliHarness.ForSeedProtocol();
        h.Clock.SetDate(new DateOnly(2026, 11, 27));
        h.Ok("demo", "--participants", "30", "--seed", "5");
        var services = h.Services(TextWriter.Null);
        var protocol = services.Protocols.Load(h.ProtocolPath);
        string legacyJson, legacyOdm;
        IReadOnlyDictionary<string, string> legacyCsv;
        using (var store = LiteRecordStore.Open(h.DbPath, TrialFixture.Key))
        {
            var session = TrialDatabase.Open(store, protocol, "admin", TrialFixture.Password, h.Clock, services.Protocols.DocumentOf(protocol)?.Scripts);
            Assert.Empty(session.PendingChanges);
            legacyJson = LegacyExport.Json(session);
            legacyOdm = LegacyExport.Odm(session);
            legacyCsv = CsvTexts(LegacyExport.Collect(session), session);
        }
        Assert.Contains("\"withdrawals\": [", legacyJson);

        var json = Path.Combine(h.Dir, "export.json");
        h.Ok("export", "--format", "json", "--out", json);
        Assert.Equal(legacyJson, File.ReadAllText(json));
        Assert.Equal(legacyJson + Environment.NewLine, h.Ok("export", "--format", "json"));
        var odm = Path.Combine(h.Dir, "export.xml");
        h.Ok("export", "--format", "odm", "--out", odm);
        Assert.Equal(legacyOdm, File.ReadAllText(odm));
        Assert.Equal(legacyOdm + Environment.NewLine, h.Ok("export", "--format", "odm"));
        var csv = Path.Combine(h.Dir, "csv");
        h.Ok("export", "--format", "csv", "--out", csv);
        Assert.Equal(legacyCsv, Directory.GetFiles(csv).ToDictionary(f => Path.GetFileName(f), f => File.ReadAllText(f)));
        Assert.DoesNotContain(Directory.GetFiles(h.Dir, "*", SearchOption.AllDirectories), f => f.EndsWith(".partial", StringComparison.Ordinal));
    }

    [Fact]
    public void Records_of_one_participant_are_ordered_within_it_and_participants_stay_in_scan_order()
    {
        var scan = new[] { Fx("a", "a-FX10", 10), Fx("a", "a-FX2", 2), Fx("a", "a-FX9", 2), Fx("b", "b-FX1", 1), Fx("c", "c-FX3", 3), Fx("c", "c-FX1", 1) };
        Assert.Equal(["a-FX2", "a-FX9", "a-FX10", "b-FX1", "c-FX1", "c-FX3"], ExportOrder.WithinParticipant(scan, ExportOrder.Fractions).Select(f => f.Id));
        Assert.Equal(["a-FX2", "a-FX9", "a-FX10", "b-FX1", "c-FX1", "c-FX3"], ExportOrder.WithinParticipant(scan, ExportOrder.ById).Select(f => f.Id));
        Assert.Empty(ExportOrder.WithinParticipant<FractionRecord>([], ExportOrder.ById));

        static FractionRecord Fx(string participant, string id, int sequence) => new() { Id = id, ParticipantId = participant, Sequence = sequence };
    }

    [Fact]
    public void The_json_array_writer_writes_what_the_cli_json_serializer_writes()
    {
        var entries = new[] { new { a = "≥ 2", b = 1 }, new { a = "x\"y", b = 2 } };
        foreach (var list in new[] { entries, [] })
        {
            var text = new StringWriter();
            using (var w = new JsonArrayWriter(text))
            {
                foreach (var e in list) w.Add(e);
                w.Complete();
            }
            Assert.Equal(JsonSerializer.Serialize(list, CliJson.Options) + Environment.NewLine, text.ToString());
        }
    }
}
