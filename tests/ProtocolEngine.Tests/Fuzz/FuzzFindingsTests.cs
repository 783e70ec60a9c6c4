using System.Text;
using ProtocolEngine.Cli;
using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Fuzz;

/// <summary>
/// Issue 11, point 8: what coverage-guided fuzzing (tests/ProtocolEngine.Fuzz, afl-fuzz through SharpFuzz) found, each
/// reduced by hand to its smallest form and kept here against the real loader and the real command line. Before the
/// fixes each was an internal error (exit 1) or a refusal with no message; each must now be a located refusal, exit 2.
/// The fuzzer's own reproducers are replayed by <see cref="FuzzHarnessTests"/> (regressions/).
/// </summary>
public sealed class FuzzFindingsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Write(string name, string text)
    {
        var path = _temp.File(name);
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes(text));
        return path;
    }

    /// <summary>The one error of the loader, its code and place, and `validate` printing it with exit 2 and no internal error.</summary>
    private static void AssertRefused(string file, string code, int line, int column, string words)
    {
        var load = Edges.Engine.Loader.Load(file);
        Assert.Null(load.Document);
        var error = Assert.Single(load.Diagnostics, d => d.IsError);
        Assert.Equal((code, line, column), (error.Code, error.Location.Line, error.Location.Column));
        Assert.Contains(words, error.Message);

        var cli = CliRun.Of("validate", file);
        Assert.Equal(ExitCodes.InvalidInput, cli.ExitCode);
        Assert.Contains($"{error.Location}: error {code}: {error.Message}", cli.Error);
        Assert.DoesNotContain("internal error", cli.Error);
    }

    [Fact]
    public void A_flow_mapping_left_open_with_a_key_ending_in_a_colon_is_a_syntax_error_not_an_internal_one()
    {
        // YamlDotNet 18.1.0's scanner threw InvalidOperationException ("Operation is not valid due to the current state
        // of the object") here; `validate` printed "internal error" and exited 1.
        var file = Write("protocol.yaml", "arms:\n  - {id: b, role: contrandomization:\n  plugin: Randomization\n");
        AssertRefused(file, DiagnosticCodes.YamlSyntax, 2, 3, "cannot be read as YAML");
    }

    [Fact]
    public void A_document_marker_inside_a_block_mapping_then_a_nameless_key_is_a_syntax_error_not_an_internal_one()
    {
        // YamlDotNet's representation model threw ArgumentException ("The current event is of an unsupported type").
        var file = Write("protocol.yaml", "statistics:\n  sample_size: 66\n---\n: PE0202\n");
        AssertRefused(file, DiagnosticCodes.YamlSyntax, 4, 2, "cannot be read as YAML");
    }

    [Theory]
    [InlineData("title: !!inte]r x\n", 1, 6, "Global tags must be valid URIs")]
    [InlineData("id: !<> x\n", 1, 3, "Tag value must not be empty")]
    public void A_tag_yamldotnet_cannot_name_is_a_syntax_error_not_an_internal_one(string text, int line, int column, string reason)
    {
        // YamlDotNet's parser threw ArgumentException from TagName ("Global tags must be valid URIs"): exit 1.
        var file = Write("protocol.yaml", text);
        AssertRefused(file, DiagnosticCodes.YamlSyntax, line, column, $"a tag (!name) after this place is not valid ({reason}.)");
    }

    [Theory]
    [InlineData("~\n")]
    [InlineData("!\n")]
    [InlineData("&a\n")]
    [InlineData("null\n")]
    [InlineData("!pr\n")]
    public void A_protocol_file_holding_only_an_empty_value_gets_a_located_error(string text)
    {
        // The root bound to null without a diagnostic: `validate` said "invalid (0 errors)" and named nothing.
        var file = Write("protocol.yaml", text);
        AssertRefused(file, DiagnosticCodes.WrongType, 1, 1, "'protocol' needs a mapping (key: value lines), not an empty value");
    }

    [Fact]
    public void The_demo_population_reader_turns_the_same_yaml_faults_into_located_errors()
    {
        var protocol = Edges.Engine.Loader.Load(RepoPaths.SeedProtocol).Document!.Protocol;
        foreach (var (text, line) in new[] { ("codes:\n  - {id: b, c: d:\n  e: f\n", 2), ("codes:\n  b: 1\n---\n: x\n", 4) })
        {
            var file = Write("population.yaml", text);
            var ex = Assert.Throws<ProtocolEngine.Engine.Demo.Population.DemoPopulationException>(() => ProtocolEngine.Yaml.Population.DemoPopulationReader.Read(file, protocol));
            var error = Assert.Single(ex.Diagnostics);
            Assert.Equal((DiagnosticCodes.YamlSyntax, line), (error.Code, error.Location.Line));
            Assert.Contains("cannot be read as YAML", error.Message);
        }
    }

    [Fact]
    public void A_participant_file_giving_a_variable_twice_is_refused_naming_it()
    {
        // Found as a crash of `screen --data` (Dictionary.Add of the second qtc_ms); `screen --participant` silently took the last.
        var data = Write("p.json", "{\"age\": 55, \"qtc_ms\": 430, \"sex\": \"female\", \"qtc_ms\": 520}");
        var cli = CliRun.Of("screen", "--participant", data, "--protocol", RepoPaths.SeedProtocol);
        Assert.Equal(ExitCodes.InvalidInput, cli.ExitCode);
        Assert.Contains($"{data}: $.qtc_ms: 'qtc_ms' is given twice; keep one.", cli.Error);
        Assert.DoesNotContain("internal error", cli.Error);
    }

    [Theory]
    [InlineData("{\"variables\": {\"diastolic_bp\": 82, \"diastolic_bp\": 90}}", "gives the variable 'diastolic_bp' twice; keep one.")]
    [InlineData("{\"ecog\": 1, \"ecog\": 2}", "gives the variable 'ecog' twice; keep one.")]
    [InlineData("{\"variables\": {\"ecog\": 1}, \"criteria\": {\"IC1\": true, \"IC1\": false}}", "gives criteria.IC1 twice; keep one.")]
    [InlineData("{\"variables\": {\"ecog\": 1}, \"criteria\": [true]}", "criteria in")]
    public void A_screening_data_file_that_is_ambiguous_or_misshapen_is_refused_before_the_database_is_opened(string json, string words)
    {
        // `screen --participant ID --data FILE` reads the file first: a duplicate key threw ArgumentException (exit 1),
        // criteria that were not an object threw InvalidOperationException. No database exists here: nothing is opened.
        var data = Write("s.json", json);
        var cli = CliRun.Of("screen", "--participant", "mianyang-001", "--data", data, "--protocol", RepoPaths.SeedProtocol, "--db", _temp.File("none.db"));
        Assert.Equal(ExitCodes.InvalidInput, cli.ExitCode);
        Assert.Contains($"error: --data: ", cli.Error);
        Assert.Contains(words, cli.Error);
        Assert.DoesNotContain("internal error", cli.Error);
        Assert.False(File.Exists(_temp.File("none.db")));
    }

    [Theory]
    [InlineData("{\"qtc_ms\": \"\\ud800\", \"sex\": \"female\"}", "$.qtc_ms")]
    [InlineData("{\"metastases\": [{\"level\": \"T7\", \"sectors\": [1]}, {\"\\ud83d\": 1}]}", "$.metastases[1] (a name)")]
    public void A_participant_file_with_half_a_character_escaped_is_refused_at_its_place(string json, string place)
    {
        // System.Text.Json parses "\ud800" but throws InvalidOperationException when it is read: exit 1 before.
        var data = Write("p.json", json);
        var cli = CliRun.Of("screen", "--participant", data, "--protocol", RepoPaths.SeedProtocol);
        Assert.Equal(ExitCodes.InvalidInput, cli.ExitCode);
        Assert.Contains($"{data}: {place}: holds a \\u escape of half a character (an unpaired UTF-16 surrogate", cli.Error);
        Assert.DoesNotContain("internal error", cli.Error);

        var stored = CliRun.Of("screen", "--participant", "mianyang-001", "--data", data, "--protocol", RepoPaths.SeedProtocol, "--db", _temp.File("none.db"));
        Assert.Equal(ExitCodes.InvalidInput, stored.ExitCode);
        Assert.Contains($"error: --data: '{data}' at {place} holds a \\u escape of half a character", stored.Error);
        Assert.False(File.Exists(_temp.File("none.db")));
    }

    [Theory]
    [InlineData("--max-n: 100000; a dose-finding table needs at most 1000", "escalation", "boundaries", "--design", "boin", "--target", "0.3", "--max-n", "100000")]
    [InlineData("--cohort-size: 1000; give 1 to 12", "escalation", "boundaries", "--design", "boin", "--target", "0.3", "--cohort-size", "1000", "--max-n", "1000")]
    [InlineData("--doses: 2000000000 dose levels (the highest level in --history); a design has at most 50", "escalation", "decide", "--design", "3+3", "--history", "2000000000NNN")]
    [InlineData("--doses: 51 dose levels; a design has at most 50", "escalation", "decide", "--design", "3+3", "--history", "1NNN", "--doses", "51")]
    [InlineData("--trials: 2000000000; give 1 to 100,000", "escalation", "simulate", "--design", "boin", "--target", "0.3", "--true-tox", "0.05,0.1", "--trials", "2000000000")]
    [InlineData("--cohorts: 2000000000; give 1 to 100", "escalation", "simulate", "--design", "3+3", "--true-tox", "0.05,0.1", "--cohorts", "2000000000")]
    public void An_escalation_argument_that_would_run_for_hours_is_refused_at_once(string words, params string[] args)
    {
        // Before, --max-n 100000 tabulated for minutes, --trials 2000000000 simulated for hours, a level of 2000000000 in
        // --history built a list of two billion dose levels: hangs of the command line, as afl-fuzz counts them.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var cli = CliRun.Of(args);
        Assert.Equal(ExitCodes.InvalidInput, cli.ExitCode);
        Assert.Contains($"error: {words}", cli.Error);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    [Fact]
    public void The_largest_escalation_arguments_allowed_still_run()
    {
        var table = CliRun.Of("escalation", "boundaries", "--design", "boin", "--target", "0.3", "--cohort-size", "10", "--max-n", "1000");
        Assert.Equal(ExitCodes.Success, table.ExitCode);
        Assert.Contains("\"treated\": 1000", table.Out);
        var decide = CliRun.Of("escalation", "decide", "--design", "3+3", "--history", "50NNN", "--doses", "50");
        Assert.Equal(ExitCodes.Success, decide.ExitCode);
    }
}
