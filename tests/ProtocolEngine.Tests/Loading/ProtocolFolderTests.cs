using System.Diagnostics;
using ProtocolEngine.Cli;
using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Loading;

/// <summary>
/// Issue 11, point 2: `!include` and `scripts:` name only files inside the protocol's folder. Each attack is
/// a real protocol in a temporary folder whose outside holds a file with a canary line; the file is never
/// read, so no message can show it.
/// </summary>
public sealed class ProtocolFolderTests : IDisposable
{
    private const string Canary = "canary-0d1e5ec7: the content of a file outside the protocol's folder";
    private readonly TempDirectory _temp = new();
    private readonly string _folder;
    private readonly string _outside;

    public ProtocolFolderTests()
    {
        _folder = Directory.CreateDirectory(_temp.File("trial")).FullName;
        _outside = _temp.File("secret.yaml");
        File.WriteAllText(_outside, $"- {Canary}\n{Canary}: [\n");
    }

    public void Dispose() => _temp.Dispose();

    private static string Minimal => File.ReadAllText(Path.Combine(RepoPaths.Corpus, "valid", "minimal.yaml"));

    private string Protocol(string title, string? scripts = null)
    {
        var text = Minimal.Replace("title: A minimal two-arm trial", $"title: {title}", StringComparison.Ordinal);
        if (scripts is not null)
            text += $"scripts:\n  - {scripts}\n";
        var path = Path.Combine(_folder, "protocol.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>One error of the code, at the line of <paramref name="needle"/>, from the loader and from `validate` (exit 2), the canary nowhere.</summary>
    private static void AssertRefused(string protocol, string code, string needle, string because)
    {
        var load = Edges.Engine.Loader.Load(protocol);
        var error = Assert.Single(load.Diagnostics, d => d.IsError);
        Assert.Equal(code, error.Code);
        Assert.Equal(TempProtocol.Find(protocol, needle).Line, error.Location.Line);
        Assert.Contains(because, error.Message);
        Assert.DoesNotContain("canary", error.Message);

        var cli = CliRun.Of("validate", protocol);
        Assert.Equal(ExitCodes.InvalidInput, cli.ExitCode);
        Assert.Contains($"{error.Location}: error {code}: ", cli.Error);
        Assert.DoesNotContain("canary", cli.Out + cli.Error);
    }

    [Fact]
    public void An_include_by_absolute_path_is_refused()
    {
        var p = Protocol($"!include {_outside}");
        AssertRefused(p, DiagnosticCodes.OutsideProtocolFolder, "title:", "is an absolute path");
    }

    [Fact]
    public void An_include_that_climbs_out_with_dot_dot_is_refused()
    {
        var p = Protocol("!include ../secret.yaml");
        AssertRefused(p, DiagnosticCodes.OutsideProtocolFolder, "title:", "leads outside the protocol's folder");
    }

    [Fact]
    public void An_include_through_a_symbolic_link_out_is_refused()
    {
        File.CreateSymbolicLink(Path.Combine(_folder, "title.yaml"), _outside);
        var p = Protocol("!include title.yaml");
        AssertRefused(p, DiagnosticCodes.OutsideProtocolFolder, "title:", "symbolic link");
    }

    [Fact]
    public void An_include_under_a_linked_folder_that_leads_out_is_refused()
    {
        Directory.CreateSymbolicLink(Path.Combine(_folder, "parts"), _temp.Path);
        var p = Protocol("!include parts/secret.yaml");
        AssertRefused(p, DiagnosticCodes.OutsideProtocolFolder, "title:", "symbolic link");
    }

    [Fact]
    public void An_include_of_dev_zero_through_a_link_is_refused()
    {
        File.CreateSymbolicLink(Path.Combine(_folder, "zero.yaml"), "/dev/zero");
        var p = Protocol("!include zero.yaml");
        AssertRefused(p, DiagnosticCodes.OutsideProtocolFolder, "title:", "symbolic link");
    }

    [Fact]
    public void An_include_of_a_pipe_inside_the_folder_is_refused_without_blocking()
    {
        var fifo = Path.Combine(_folder, "pipe.yaml");
        using (var mkfifo = Process.Start("mkfifo", fifo)) mkfifo.WaitForExit();
        Assert.True(File.Exists(fifo));
        var p = Protocol("!include pipe.yaml");
        AssertRefused(p, DiagnosticCodes.IncludeFailed, "title:", "not a regular file");
    }

    [Fact]
    public void A_link_inside_the_folder_to_a_file_inside_it_still_works()
    {
        File.WriteAllText(Path.Combine(_folder, "real-title.yaml"), "A minimal two-arm trial\n");
        File.CreateSymbolicLink(Path.Combine(_folder, "title.yaml"), "real-title.yaml");
        var load = Edges.Engine.Loader.Load(Protocol("!include title.yaml"));
        Assert.DoesNotContain(load.Diagnostics, d => d.IsError);
        Assert.Equal("A minimal two-arm trial", load.Document!.Protocol.Title);
    }

    [Fact]
    public void A_script_by_absolute_path_is_refused()
    {
        var p = Protocol("A trial", scripts: "/etc/passwd");
        AssertRefused(p, DiagnosticCodes.OutsideProtocolFolder, "- /etc/passwd", "is an absolute path");
    }

    [Fact]
    public void A_script_that_climbs_out_is_refused()
    {
        var p = Protocol("A trial", scripts: "../secret.yaml");
        AssertRefused(p, DiagnosticCodes.OutsideProtocolFolder, "- ../secret.yaml", "leads outside");
    }

    [Fact]
    public void A_script_through_a_link_out_is_refused()
    {
        File.CreateSymbolicLink(Path.Combine(_folder, "spine.csx"), _outside);
        var p = Protocol("A trial", scripts: "spine.csx");
        AssertRefused(p, DiagnosticCodes.OutsideProtocolFolder, "- spine.csx", "symbolic link");
    }
}
