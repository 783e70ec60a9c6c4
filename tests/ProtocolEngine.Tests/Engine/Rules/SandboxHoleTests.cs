using ProtocolEngine.Cli;
using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Rules;
using ProtocolEngine.Tests.Support;

namespace ProtocolEngine.Tests.Engine.Rules;

/// <summary>Issue 11.1: the holes the attacks found in the name-based sandbox, each refused at its place (PE0303).</summary>
public sealed class SandboxHoleTests
{
    private static List<Diagnostic> Forbidden(TempProtocol p) =>
        Edges.Engine.Validation.Run(p.Yaml, rules: new RuleOptions { UseCache = false }).Diagnostics.Where(d => d.Code == DiagnosticCodes.RuleForbidden).ToList();

    [Theory]
    [InlineData("new System.Exception().GetType() != null", "GetType()")]
    [InlineData("new System.FormatException().GetType() != null", "GetType()")]
    [InlineData("System.Array.CreateInstance(null!, 1).Length == 1", "Array.CreateInstance")]
    [InlineData("System.Attribute.IsDefined(null!, null!)", "attribute reflection")]
    [InlineData("new System.Exception().TargetSite == null", "TargetSite")]
    [InlineData("new System.Exception().StackTrace == null", "StackTrace")]
    [InlineData("(System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture) != null", "CultureInfo.CurrentCulture")]
    [InlineData("(System.Globalization.CultureInfo.DefaultThreadCurrentCulture = null) == null", "DefaultThreadCurrentCulture")]
    [InlineData("System.Globalization.CultureInfo.DefaultThreadCurrentUICulture == null", "DefaultThreadCurrentUICulture")]
    public void A_hole_in_a_rule_is_refused_at_the_rule(string rule, string why)
    {
        var p = new TempProtocol(y => y.Replace("rule: ecog <= 1", "rule: " + rule));
        var forbidden = Forbidden(p);
        Assert.Contains(forbidden, d => d.Message.Contains(why, StringComparison.Ordinal) && d.Location.Line == TempProtocol.Find(p.Yaml, rule).Line);
    }

    [Fact]
    public void Reading_the_current_culture_is_still_allowed()
    {
        var p = new TempProtocol(y => y.Replace("rule: ecog <= 1", "rule: System.Globalization.CultureInfo.CurrentCulture != null && ecog <= 1"));
        Assert.Empty(Forbidden(p));
    }

    [Theory]
    [InlineData("static class Catcher { public static bool F() { try { return true; } catch { return false; } } }", "catch without a type")]
    [InlineData("static class Catcher { public static bool F() { try { return true; } catch (Exception) { return false; } } }", "catch (Exception)")]
    [InlineData("static class Catcher { public static bool F() { try { return true; } catch (Exception e) when (e.Message != null) { return false; } } }", "catch (Exception)")]
    [InlineData("public sealed partial class ProtocolParticipant { public ProtocolParticipant() { while (true) { } } }", "cannot add members to 'ProtocolParticipant'")]
    [InlineData("public static partial class CodeLists { public static int Extra => 1; }", "cannot add members to 'CodeLists'")]
    [InlineData("public sealed partial class Metastasis { public int Extra => 1; }", "cannot add members to 'Metastasis'")]
    public void A_hole_in_a_script_is_refused_at_its_line(string code, string why)
    {
        var p = new TempProtocol(script: s => s + "\n" + code + "\n");
        var d = Assert.Single(Forbidden(p), x => x.Message.Contains(why, StringComparison.Ordinal));
        Assert.Equal(Path.GetFullPath(p.Script), Path.GetFullPath(d.Location.File));
        Assert.Equal(TempProtocol.Find(p.Script, code).Line, d.Location.Line);
    }

    [Theory]
    [InlineData("using F = System.IO.File;", "file I/O")]
    [InlineData("using static System.IO.File;", "file I/O")]
    [InlineData("using static System.Environment;", "environment")]
    [InlineData("global using System.Linq;", "global using")]
    [InlineData("using System; static class Sneak { public static string Read() => System.IO.File.ReadAllText(\"/etc/passwd\"); }", "file I/O")]
    public void A_using_line_is_checked_like_the_rest_of_the_script(string line, string why)
    {
        var p = new TempProtocol(script: s => line + "\n" + s);
        var d = Assert.Single(Forbidden(p).Where(x => x.Message.Contains(why, StringComparison.Ordinal)).DistinctBy(x => x.Location.Line));
        Assert.Equal(Path.GetFullPath(p.Script), Path.GetFullPath(d.Location.File));
        Assert.Equal(1, d.Location.Line);
    }

    [Fact]
    public void A_line_directive_in_a_script_is_refused()
    {
        var p = new TempProtocol(script: s => s + "\n#line 1 \"elsewhere.cs\"\nstatic class Moved { }\n");
        var d = Assert.Single(Forbidden(p));
        Assert.Contains("#line", d.Message);
        Assert.Equal(Path.GetFullPath(p.Script), Path.GetFullPath(d.Location.File));
        Assert.Equal(TempProtocol.Find(p.Script, "#line 1").Line, d.Location.Line);
    }

    [Fact]
    public void The_seed_scripts_usings_still_compile()
    {
        var p = new TempProtocol(script: s => "using System.Text;\nusing L = System.Collections.Generic.List<int>;\n" + s + "\nstatic class UsesThem { public static int N() => new L { 1 }.Count + new StringBuilder().Length; }\n");
        var diagnostics = Edges.Engine.Validation.Run(p.Yaml, rules: new RuleOptions { UseCache = false }).Diagnostics;
        Assert.DoesNotContain(diagnostics, d => d.IsError);
    }
}
