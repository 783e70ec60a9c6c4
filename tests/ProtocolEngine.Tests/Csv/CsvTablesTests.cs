using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using CsvHelper;
using ProtocolEngine.Cli;
using ProtocolEngine.Csv;
using ProtocolEngine.Engine.Export;
using ProtocolEngine.Engine.Export.Tables;
using ProtocolEngine.Engine.Screening;
using ProtocolEngine.Tests.Cli.Records;
using ProtocolEngine.Tests.Records.Support;
using ProtocolEngine.Tests.Support;
using Xunit.Abstractions;

namespace ProtocolEngine.Tests.Csv;

/// <summary>
/// The CSV export as tidy tables: written with CsvHelper, read back with CsvHelper and with Python, the rows and values
/// are the records the test made; one value per cell; every column in the data dictionary, every code in its code list.
/// </summary>
public class CsvTablesTests(ITestOutputHelper output)
{
    /// <summary>A table read back with CsvHelper: its header and its rows, by column name.</summary>
    private sealed record Read(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows)
    {
        public IEnumerable<string> Column(string name) => Rows.Select(r => r[name]);
    }

    private static Read ReadCsv(string path)
    {
        using var reader = CsvReader.FromFile(path);
        var rows = new List<IReadOnlyDictionary<string, string>>();
        string[]? header = null;
        while (reader.Read())
        {
            header ??= [.. reader.Headers];
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(i => header[i], reader.GetString));
        }
        return new Read(header ?? [.. reader.Headers], rows);
    }

    private static Dictionary<string, Read> Export(TrialFixture t, string user, string dir)
    {
        CsvTables.WriteFolder(new ExportService(t.As(user)), dir);
        return Directory.GetFiles(dir, "*.csv").ToDictionary(f => Path.GetFileNameWithoutExtension(f), ReadCsv);
    }

    [Fact]
    public void The_tables_read_back_are_the_records_made_one_value_a_cell()
    {
        using var t = new TrialFixture();
        Populate.Full(t); // two participants: a treated (10 fractions, two assessments), b withdrawn
        using var temp = new TempDirectory();
        var tables = Export(t, "admin", temp.Path);
        var export = new ExportService(t.As("admin")).Collect();

        Assert.Equal(2, tables["participants"].Rows.Count);
        Assert.Equal(export.Participants.Select(p => p.Id), tables["participants"].Column("participant_id"));
        Assert.Equal(t.Protocol.Fractionation!.Fractions, tables["fractions"].Rows.Count);
        Assert.All(tables["fractions"].Column("dose_gy"), d => Assert.Equal(t.Protocol.Fractionation.DosePerFractionGy, double.Parse(d, CultureInfo.InvariantCulture)));
        Assert.Equal(Enumerable.Range(1, 10).Select(n => n.ToString(CultureInfo.InvariantCulture)), tables["fractions"].Column("sequence"));
        // The analgesics of the two assessments, one row each, keyed by the assessment.
        Assert.Equal([("morphine", "30"), ("tramadol", "100")], tables["assessment_analgesics"].Rows.Select(r => (r["drug"], r["daily_amount"])));
        Assert.Equal(tables["assessments"].Column("assessment_id"), tables["assessment_analgesics"].Column("assessment_id"));
        // One verdict row per criterion per screening, as many as the screenings hold.
        Assert.Equal(export.Screenings.Sum(s => s.Outcome.Verdicts.Count), tables["screening_verdicts"].Rows.Count);
        Assert.Equal(export.Screenings.Sum(s => s.Attestations.Count), tables["screening_attestations"].Rows.Count);
        Assert.Equal(["true", "true", "true", "false", "false"], tables["screening_attestations"].Rows.Where(r => r["screening_id"] == export.Screenings[0].Id)
            .OrderBy(r => r["criterion_id"] is ['I', ..] ? 0 : 1).ThenBy(r => r["criterion_id"], StringComparer.Ordinal).Select(r => r["met"]));
        // Quotes and commas in a note come back exactly.
        Assert.Equal("consent withdrawn, \"personal reasons\", by letter", Assert.Single(tables["withdrawals"].Rows)["note"]);
        // SINS flattened into columns of the imaging row.
        var imaging = Assert.Single(tables["imaging"].Rows);
        Assert.Equal(("fracture", "L1", "mixed"), (imaging["finding"], imaging["level"], imaging["sins_input_bone_lesion"]));
        Assert.Equal(export.Imaging[0].Sins!.Total.ToString(CultureInfo.InvariantCulture), imaging["sins_total"]);
        // The audit: one row per entry, and its values as one row per changed field.
        Assert.Equal(export.Audit.Count, tables["audit"].Rows.Count);
        var withdrawal = export.Audit.Single(a => a.Action == "withdraw" || a.Collection == "withdrawals");
        Assert.Contains(tables["audit_changes"].Rows, r => r["sequence"] == withdrawal.Sequence.ToString(CultureInfo.InvariantCulture) && r["field"] == "note"
            && r["old_value"] == "" && r["new_value"] == "consent withdrawn, \"personal reasons\", by letter");

        // No JSON in any cell: no cell is an object or a list.
        foreach (var (name, table) in tables)
            foreach (var row in table.Rows)
                Assert.All(row.Values, v => Assert.False(v.StartsWith('{') || v.StartsWith('['), $"{name}: JSON in a cell: {v}"));
    }

    [Fact]
    public void Every_column_is_in_the_data_dictionary_and_every_value_has_its_type_and_code()
    {
        using var t = new TrialFixture();
        Populate.Full(t);
        using var temp = new TempDirectory();
        var tables = Export(t, "admin", temp.Path);
        var dictionary = tables["data_dictionary"].Rows;
        var codes = tables["code_lists"].Rows.GroupBy(r => r["code_list"]).ToDictionary(g => g.Key, g => g.Select(r => r["code"]).ToHashSet());
        Assert.Equal(["table", "column", "type", "unit", "code_list", "description"], tables["data_dictionary"].Header);
        Assert.Contains(dictionary, d => d["table"] == "fractions" && d["column"] == "dose_gy" && d["type"] == "number" && d["unit"] == "Gy");
        var sex = Assert.Single(dictionary, d => d["table"] == "participants" && d["column"] == "sex");
        Assert.Equal("code", sex["type"]);
        Assert.Equal(["female", "male", "other"], codes[sex["code_list"]].Order(StringComparer.Ordinal));

        foreach (var (name, table) in tables.Where(kv => kv.Key is not ("data_dictionary" or "code_lists")))
        {
            var columns = dictionary.Where(d => d["table"] == name).ToList();
            Assert.Equal(columns.Select(d => d["column"]), table.Header);
            foreach (var column in columns)
            {
                Assert.False(string.IsNullOrWhiteSpace(column["description"]), $"{name}.{column["column"]} has no description");
                foreach (var value in table.Column(column["column"]).Where(v => v.Length > 0))
                    Assert.True(HasType(value, column["type"]) && (column["code_list"] is "" || !codes.TryGetValue(column["code_list"], out var list) || list.Count == 0 || list.Contains(value)),
                        $"{name}.{column["column"]}: '{value}' is not a {column["type"]} of code list '{column["code_list"]}'");
            }
        }
    }

    private static bool HasType(string value, string type) => type switch
    {
        "integer" => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        "number" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && !value.Contains(','),
        "boolean" => value is "true" or "false",
        "date" => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "date-time" => value.EndsWith('Z') && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _),
        "code" or "text" => true,
        _ => false,
    };

    [Fact]
    public void Roles_that_may_not_see_the_list_get_no_position_block_or_factor()
    {
        using var t = new TrialFixture();
        Populate.Full(t);
        using var temp = new TempDirectory();
        var tables = Export(t, "monitor", temp.Path);
        Assert.All(tables["randomizations"].Rows, r => Assert.Equal(("0", "", ""), (r["list_position"], r["block_id"], r["stratum_key"])));
        Assert.Empty(tables["randomization_factors"].Rows);
    }

    [Fact]
    public void The_zip_holds_the_same_tables_as_the_folder()
    {
        using var t = new TrialFixture();
        Populate.Full(t);
        using var temp = new TempDirectory();
        var folder = Path.Combine(temp.Path, "tables");
        var count = CsvTables.WriteFolder(new ExportService(t.As("statistician")), folder);
        var zip = Path.Combine(temp.Path, "tables.zip");
        Assert.Equal(count, CsvTables.WriteZip(new ExportService(t.As("statistician")), zip));
        using var archive = ZipFile.OpenRead(zip);
        Assert.Equal(Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal), archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        foreach (var entry in archive.Entries)
        {
            using var text = new StreamReader(entry.Open());
            Assert.Equal(File.ReadAllText(Path.Combine(folder, entry.FullName)), text.ReadToEnd());
        }
        Assert.Equal([folder, zip], Directory.GetFileSystemEntries(temp.Path).Order(StringComparer.Ordinal)); // nothing left over
    }

    [Fact]
    public void The_tables_are_the_same_under_every_culture()
    {
        using var t = new TrialFixture();
        Populate.Full(t);
        var invariant = Texts(t);
        foreach (var culture in new[] { "de-DE", "fr-FR" })
        {
            using var scope = new CultureScope(culture);
            Assert.Equal(invariant, Texts(t));
        }
        Assert.Contains(",3,", invariant["fractions"]); // 3 Gy, never "3,0"
    }

    private static Dictionary<string, string> Texts(TrialFixture t)
    {
        var texts = new Dictionary<string, string>();
        new ExportService(t.As("admin")).WriteTables(table => texts[table.Name] = CsvTables.Text(table));
        // The export time differs between two exports; nothing in the tables says when they were written.
        return texts;
    }

    [Fact]
    public void Screening_data_becomes_a_wide_table_typed_by_the_variables_and_a_table_per_list()
    {
        var protocol = Edges.Engine.Loader.Load(RepoPaths.SeedProtocol).Document!.Protocol;
        JsonElement J(object o) => JsonSerializer.SerializeToElement(o);
        var screening = new ScreeningRecord
        {
            Id = "mianyang-001-S1", ParticipantId = "mianyang-001", ScreenedOn = new DateOnly(2026, 11, 23),
            Variables = new Dictionary<string, JsonElement>
            {
                ["age"] = J(64), ["sex"] = J("female"), ["estimated_survival_months"] = J(7.5), ["cord_compression"] = J(false),
                ["metastases"] = J(new object[]
                {
                    new { level = "T10", sectors = new[] { 1, 2 }, vb_extent = "left", epidural_extension = false, painful = true },
                    new { level = "L1", sectors = new[] { 1 }, vb_extent = "diffuse", epidural_extension = true, painful = false },
                }),
            },
        };
        var tables = TidyTables.Of(new TrialExport { Screenings = [screening] }, protocol).ToDictionary(x => x.Name);
        var values = tables["screening_values"];
        var row = Assert.Single(values.Rows);
        string Cell(ExportTable table, IReadOnlyList<string> r, string column) => r[table.Columns.Select(c => c.Name).ToList().IndexOf(column)];
        Assert.Equal(("64", "female", "7.5", "false", ""), (Cell(values, row, "age"), Cell(values, row, "sex"), Cell(values, row, "estimated_survival_months"), Cell(values, row, "cord_compression"), Cell(values, row, "ecog")));
        Assert.Equal((ColumnType.Integer, "a"), (values.Columns.Single(c => c.Name == "age").Type, values.Columns.Single(c => c.Name == "age").Unit));
        Assert.Equal((ColumnType.Code, "sex"), (values.Columns.Single(c => c.Name == "sex").Type, values.Columns.Single(c => c.Name == "sex").CodeList));
        Assert.DoesNotContain(values.Columns, c => c.Name == "metastases");

        var lesions = tables["screening_metastases"];
        Assert.Equal(["screening_id", "participant_id", "record", "level", "vb_extent", "epidural_extension", "painful"], lesions.Columns.Select(c => c.Name));
        Assert.Equal([["mianyang-001-S1", "mianyang-001", "1", "T10", "left", "false", "true"], ["mianyang-001-S1", "mianyang-001", "2", "L1", "diffuse", "true", "false"]], lesions.Rows.Select(r => r.ToArray()));
        Assert.Equal([("1", "1", "1"), ("1", "2", "2"), ("2", "1", "1")], tables["screening_metastases_sectors"].Rows.Select(r => (r[2], r[3], r[4])));
    }

    [Fact]
    public void Python_reads_the_tables_with_the_same_rows_and_values()
    {
        using var t = new TrialFixture();
        Populate.Full(t);
        using var temp = new TempDirectory();
        var tables = Export(t, "admin", temp.Path);
        var pandas = RunPython("import pandas", temp.Path).Code == 0;
        // pandas where it is installed; else Python's own csv module, which every Python has.
        var script = pandas
            ? "import json,sys,glob,os,pandas as pd\n"
              + "out={os.path.basename(f)[:-4]: {'rows': len(d), 'columns': list(d.columns)} for f in sorted(glob.glob(os.path.join(sys.argv[1],'*.csv'))) for d in [pd.read_csv(f, dtype=str, keep_default_na=False)]}\n"
              + "f=pd.read_csv(os.path.join(sys.argv[1],'fractions.csv')); out['dose_sum']=float(f['dose_gy'].sum())\n"
              + "w=pd.read_csv(os.path.join(sys.argv[1],'withdrawals.csv'), dtype=str); out['note']=w['note'][0]\n"
              + "print(json.dumps(out))\n"
            : "import json,sys,glob,os,csv\n"
              + "def rows(n):\n    with open(os.path.join(sys.argv[1], n + '.csv'), newline='', encoding='utf-8') as h: return list(csv.DictReader(h))\n"
              + "out={}\n"
              + "for f in sorted(glob.glob(os.path.join(sys.argv[1],'*.csv'))):\n"
              + "    with open(f, newline='', encoding='utf-8') as h:\n        r=list(csv.reader(h)); out[os.path.basename(f)[:-4]]={'rows': len(r)-1, 'columns': r[0]}\n"
              + "out['dose_sum']=sum(float(r['dose_gy']) for r in rows('fractions'))\n"
              + "out['note']=rows('withdrawals')[0]['note']\n"
              + "print(json.dumps(out))\n";
        var (code, stdout, stderr) = RunPython(script, temp.Path);
        output.WriteLine(pandas ? "read with pandas" : "pandas is not installed here: read with Python's csv module instead");
        Assert.True(code == 0, stderr);
        var seen = JsonDocument.Parse(stdout).RootElement;
        foreach (var (name, table) in tables)
        {
            Assert.Equal(table.Rows.Count, seen.GetProperty(name).GetProperty("rows").GetInt32());
            Assert.Equal(table.Header, seen.GetProperty(name).GetProperty("columns").EnumerateArray().Select(c => c.GetString()!));
        }
        Assert.Equal(t.Protocol.Fractionation!.TotalDoseGy, seen.GetProperty("dose_sum").GetDouble(), 9);
        Assert.Equal("consent withdrawn, \"personal reasons\", by letter", seen.GetProperty("note").GetString());
    }

    private static (int Code, string Out, string Err) RunPython(string script, string dir)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(dir);
        using var p = Process.Start(start)!;
        var o = p.StandardOutput.ReadToEndAsync();
        var e = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, o.Result, e.Result);
    }

    [Fact]
    public void The_export_command_writes_a_folder_or_a_zip_and_refuses_a_plain_file()
    {
        using var h = new CliHarness();
        h.Ok("init");
        var zip = Path.Combine(h.Dir, "out.zip");
        var (code, _, err) = h.Run("export", "--format", "csv", "--out", zip);
        Assert.True(code == 0, err);
        using (var archive = ZipFile.OpenRead(zip))
            Assert.Contains(archive.Entries, e => e.FullName == "data_dictionary.csv");
        var file = Path.Combine(h.Dir, "notes.txt");
        File.WriteAllText(file, "mine");
        Assert.Contains("is a file; csv export writes a folder", h.Refused("export", "--format", "csv", "--out", file));
        Assert.Equal("mine", File.ReadAllText(file));
        Assert.Contains("give a folder, or a file name ending in .zip", h.Refused("export", "--format", "csv"));
    }
}
