using System.Text.Json;
using ProtocolEngine.Cli;
using ProtocolEngine.Cli.Records;
using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Tests.Records.Support;

/// <summary>Runs protocol-engine in-process against a protocol file in a temp folder, with its own environment.</summary>
public sealed class CliHarness : IDisposable
{
    public string Dir { get; }
    public string ProtocolPath { get; private init; }
    public string DbPath { get; private init; }
    public Dictionary<string, string> Env { get; } = new()
    {
        ["PROTOCOL_ENGINE_DB_KEY"] = TrialFixture.Key, ["PROTOCOL_ENGINE_USER"] = "admin", ["PROTOCOL_ENGINE_PASSWORD"] = TrialFixture.Password,
    };
    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 9, 7, 9, 0, 0, TimeSpan.Zero));

    public CliHarness(Protocol? protocol = null)
    {
        Dir = Directory.CreateTempSubdirectory("pe-cli-").FullName;
        Env["XDG_STATE_HOME"] = Path.Combine(Dir, "state");
        ProtocolPath = Path.Combine(Dir, "protocol.json");
        DbPath = Path.Combine(Dir, "data", "spine-rt.db");
        WriteProtocol(protocol ?? TestProtocols.Spine());
    }

    private CliHarness(string seedCopy)
    {
        var copy = new ProtocolEngine.Tests.Support.TempProtocol();
        Dir = copy.Root;
        Env["XDG_STATE_HOME"] = Path.Combine(Dir, "state");
        ProtocolPath = copy.Yaml;
        DbPath = Path.Combine(Dir, "data", seedCopy + ".db");
    }

    /// <summary>The login token files live under the harness's folder (XDG_STATE_HOME), never in the real home.</summary>
    public string StateDir => Env["XDG_STATE_HOME"];

    /// <summary>A harness on a copy of the real protocol.yaml (with its scripts and scenarios).</summary>
    public static CliHarness ForSeedProtocol() => new("chictr1900023401");

    public void WriteProtocol(Protocol protocol) => File.WriteAllText(ProtocolPath, JsonSerializer.Serialize(protocol, RecordJson.Indented));

    /// <summary>The real services (loader, compiled rules, randomization plugin) with this harness's environment and clock.</summary>
    public RecordsCliServices Services(TextWriter error) => RecordsCliServices.Default(error) with
    {
        Environment = name => Env.GetValueOrDefault(name),
        Prompt = Prompt.None,
        Clock = Clock,
    };

    public (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = Program.Run([.. args, "--protocol", ProtocolPath], o, e, Services(e));
        return (code, o.ToString(), e.ToString());
    }

    public string Ok(params string[] args)
    {
        var (code, o, e) = Run(args);
        Assert.True(code == 0, $"exit {code}: {e}");
        return o;
    }

    public string Refused(params string[] args)
    {
        var (code, o, e) = Run(args);
        Assert.True(code == 2, $"expected exit 2, got {code}: {o}{e}");
        return e;
    }

    public string As(string user, Func<string> action)
    {
        var saved = Env["PROTOCOL_ENGINE_USER"];
        Env["PROTOCOL_ENGINE_USER"] = user;
        try { return action(); } finally { Env["PROTOCOL_ENGINE_USER"] = saved; }
    }

    public string WriteJson(string name, object value)
    {
        var path = Path.Combine(Dir, name);
        File.WriteAllText(path, JsonSerializer.Serialize(value));
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
    }
}
