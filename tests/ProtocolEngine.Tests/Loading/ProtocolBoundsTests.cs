using System.Text;
using ProtocolEngine.Cli;
using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Loading;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Loading;

/// <summary>
/// Issue 11, point 2: a protocol file, however written, cannot take the reader down. Each attack is a real
/// file in a temporary folder, read through the loader and through `validate` in-process (a stack overflow
/// there would end the test run itself); each gives a located PE error and exit 2.
/// </summary>
public sealed class ProtocolBoundsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Minimal => File.ReadAllText(Path.Combine(RepoPaths.Corpus, "valid", "minimal.yaml"));

    private string Write(string name, string text) => WriteBytes(name, Encoding.UTF8.GetBytes(text));

    private string WriteBytes(string name, byte[] bytes)
    {
        var path = _temp.File(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>The one error the loader gives, checked for code and place, and the same line from `validate` with exit 2.</summary>
    private static Diagnostic AssertRefused(string protocol, string code, string file, int line, int column)
    {
        var load = Edges.Engine.Loader.Load(protocol);
        var error = Assert.Single(load.Diagnostics, d => d.IsError);
        Assert.Equal(code, error.Code);
        Assert.Equal((Path.GetFullPath(file), line, column), (Path.GetFullPath(error.Location.File), error.Location.Line, error.Location.Column));

        var cli = CliRun.Of("validate", protocol);
        Assert.Equal(ExitCodes.InvalidInput, cli.ExitCode);
        Assert.Contains($": error {code}: ", cli.Error);
        Assert.Contains($"{error.Location}: error {code}: {error.Message}", cli.Error);
        Assert.DoesNotContain("internal error", cli.Error);
        return error;
    }

    public sealed class Nesting : IDisposable
    {
        private readonly ProtocolBoundsTests _t = new();

        public void Dispose() => _t.Dispose();

        [Fact]
        public void A_hundred_thousand_nested_brackets_stop_at_the_depth_limit()
        {
            var file = _t.Write("protocol.yaml", "schema_version: 1\nid: " + new string('[', 100_000));
            // The 65th bracket is the one too deep: line 2, column 4 + 64.
            var error = AssertRefused(file, DiagnosticCodes.LimitExceeded, file, 2, 4 + ProtocolLimits.MaxDepth);
            Assert.Contains($"more than {ProtocolLimits.MaxDepth} levels", error.Message);
        }

        [Fact]
        public void Deep_block_mappings_stop_at_the_depth_limit()
        {
            var lines = Enumerable.Range(0, 200).Select(i => new string(' ', i) + "a:");
            var file = _t.Write("protocol.yaml", string.Join('\n', lines) + " 1\n");
            AssertRefused(file, DiagnosticCodes.LimitExceeded, file, ProtocolLimits.MaxDepth + 1, ProtocolLimits.MaxDepth + 1);
        }

        [Fact]
        public void Nested_brackets_in_a_real_process_exit_2_not_134()
        {
            var file = _t.Write("protocol.yaml", "id: " + string.Concat(Enumerable.Repeat("{a: ", 100_000)));
            var (code, _, err) = CliProcess.Run(new Dictionary<string, string>(), "validate", file);
            Assert.Equal(ExitCodes.InvalidInput, code);
            Assert.Contains($"{file}:1:", err);
            Assert.Contains("error PE0109", err);
        }
    }

    public sealed class Aliases : IDisposable
    {
        private readonly ProtocolBoundsTests _t = new();

        public void Dispose() => _t.Dispose();

        [Fact]
        public void A_billion_laughs_stops_at_the_value_limit()
        {
            // Ten variables in ten lines, each a record of nine of the one before: 9^9 = 387,420,489 once expanded.
            var chain = new StringBuilder("  - &v0 {id: l0, label: L, type: integer}\n");
            for (var i = 1; i <= 9; i++)
                chain.Append($"  - &v{i} {{id: l{i}, label: L, type: records, fields: [{string.Join(", ", Enumerable.Repeat($"*v{i - 1}", 9))}]}}\n");
            var consent = "  - {id: consent, label: Consent signed, type: boolean}\n";
            var file = _t.Write("protocol.yaml", Minimal.Replace(consent, consent + chain, StringComparison.Ordinal));
            var load = Edges.Engine.Loader.Load(file);
            var limit = Assert.Single(load.Diagnostics, d => d.Code == DiagnosticCodes.LimitExceeded);
            Assert.Contains($"more than {ProtocolLimits.MaxBoundValues:N0} values once its aliases", limit.Message);
            Assert.Equal(Path.GetFullPath(file), limit.Location.File);
            Assert.InRange(limit.Location.Line, TempProtocol.Find(file, "&v0").Line, TempProtocol.Find(file, "&v9").Line);

            var cli = CliRun.Of("validate", file);
            Assert.Equal(ExitCodes.InvalidInput, cli.ExitCode);
            Assert.Contains($"{limit.Location}: error PE0109", cli.Error);
        }

        [Fact]
        public void An_alias_inside_its_own_anchor_in_an_include_stops_at_the_depth_limit()
        {
            var consent = "  - {id: consent, label: Consent signed, type: boolean}\n";
            var file = _t.Write("protocol.yaml", Minimal.Replace(consent, consent + "  - !include loop.yaml\n", StringComparison.Ordinal));
            var loop = _t.Write("loop.yaml", "&v\nid: loop\nlabel: L\ntype: records\nfields: [*v]\n");
            var load = Edges.Engine.Loader.Load(file);
            var limit = Assert.Single(load.Diagnostics, d => d.Code == DiagnosticCodes.LimitExceeded);
            Assert.Equal(Path.GetFullPath(loop), Path.GetFullPath(limit.Location.File));
            Assert.Contains("is an alias used inside its own anchor?", limit.Message);
            var cli = CliRun.Of("validate", file);
            Assert.Equal(ExitCodes.InvalidInput, cli.ExitCode);
            Assert.Contains($"{limit.Location}: error PE0109", cli.Error);
        }
    }

    public sealed class Size : IDisposable
    {
        private readonly ProtocolBoundsTests _t = new();

        public void Dispose() => _t.Dispose();

        [Fact]
        public void A_file_over_4_MiB_is_refused_before_it_is_parsed()
        {
            var file = _t.Write("protocol.yaml", Minimal + "# " + new string('x', ProtocolLimits.MaxFileBytes) + "\n");
            var error = AssertRefused(file, DiagnosticCodes.LimitExceeded, file, 1, 1);
            Assert.Contains($"at most {ProtocolLimits.MaxFileBytes:N0} bytes", error.Message);
        }

        [Fact]
        public void Too_many_values_are_refused_where_the_limit_is_reached()
        {
            // 30,000 one-character values in one flow list: 60 KB, under the size limit.
            var file = _t.Write("protocol.yaml", "schema_version: 1\nid: [" + string.Join(",", Enumerable.Repeat("1", 30_000)) + "]\n");
            var error = AssertRefused(file, DiagnosticCodes.LimitExceeded, file, 2, 6 + 2 * (ProtocolLimits.MaxNodes - 5));
            Assert.Contains($"more than {ProtocolLimits.MaxNodes:N0} YAML values", error.Message);
        }
    }

    public sealed class Text : IDisposable
    {
        private readonly ProtocolBoundsTests _t = new();

        public void Dispose() => _t.Dispose();

        [Fact]
        public void An_invalid_utf8_byte_is_refused_at_its_line_and_column()
        {
            var bytes = Encoding.UTF8.GetBytes(Minimal.Replace("title: A minimal", "title: A m\u00e9nimal", StringComparison.Ordinal)).ToList();
            var at = Minimal.IndexOf("title: A minimal", StringComparison.Ordinal) + "title: A m".Length;
            bytes[at + 1] = 0xFF; // the second byte of é: no longer a continuation byte
            var file = _t.WriteBytes("protocol.yaml", [.. bytes]);
            var error = AssertRefused(file, DiagnosticCodes.InvalidText, file, 4, "title: A m".Length + 1);
            Assert.Contains("not UTF-8", error.Message);
        }

        [Fact]
        public void A_nul_byte_is_refused_at_its_line_and_column()
        {
            var file = _t.Write("protocol.yaml", Minimal.Replace("phase: II", "phase: I\0I", StringComparison.Ordinal));
            var (line, column) = TempProtocol.Find(file, "phase:");
            var error = AssertRefused(file, DiagnosticCodes.InvalidText, file, line, column + "phase: I".Length);
            Assert.Contains("NUL", error.Message);
        }

        [Fact]
        public void An_include_in_utf16_is_refused_inside_the_included_file()
        {
            var file = _t.Write("protocol.yaml", Minimal.Replace("title: A minimal two-arm trial", "title: !include title.yaml", StringComparison.Ordinal));
            var title = _t.WriteBytes("title.yaml", Encoding.Unicode.GetBytes("A trial\n"));
            AssertRefused(file, DiagnosticCodes.InvalidText, title, 1, 2);
        }
    }
}
