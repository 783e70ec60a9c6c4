using System.Text.Json;
using ProtocolEngine.Cli.Commands;
using ProtocolEngine.Cli.Records;
using ProtocolEngine.Engine.Workspace;
using ProtocolEngine.Tests.Support;
using ProtocolEngine.Tui;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Time;

namespace ProtocolEngine.Tests.Tui;

/// <summary>
/// The real UI, headless: an application on the ANSI driver with virtual time, the shell over a real encrypted
/// database in a temp folder (opened through the CLI's opener, as `protocol-engine` does), keys injected and the
/// screen read back as text.
/// </summary>
internal sealed class TuiHarness : IDisposable
{
    public const string Key = "a test database key";
    public const string AdminPassword = "admin password";

    private readonly TempFolder _folder;
    private readonly Dictionary<string, string> _environment;
    private IApplication? _app;
    private SessionToken? _token;

    public TuiHarness(bool keyInEnvironment = true)
    {
        _folder = new TempFolder();
        _environment = keyInEnvironment ? new() { ["PROTOCOL_ENGINE_DB_KEY"] = Key } : [];
        Services = RecordsCliServices.Default(TextWriter.Null) with { Environment = name => _environment.GetValueOrDefault(name) };
        DatabasePath = Path.Combine(_folder.Path, "trial.db");
    }

    public RecordsCliServices Services { get; }

    public string DatabasePath { get; }

    public TuiWorkspaceOpener Opener() => new(Services, RepoPaths.SeedProtocol, DatabasePath, null);

    /// <summary>Creates the database with the administrator (and the coordinator 'lin' when asked), outside the UI.</summary>
    public TuiHarness WithDatabase()
    {
        Opener().Create("admin", AdminPassword);
        return this;
    }

    /// <summary>Works on the database through the workspace (as admin), then closes it so the UI can open it.</summary>
    public T Seed<T>(Func<ITrialWorkspace, T> work)
    {
        using var workspace = Opener().Open(Key, "admin", AdminPassword);
        return work(workspace);
    }

    /// <summary>Adds a user with the engine's user service (as the administrator).</summary>
    public void AddUser(string id, ProtocolEngine.Engine.Security.Role role, string password)
    {
        var protocol = Services.Protocols.Load(RepoPaths.SeedProtocol);
        using var store = ProtocolEngine.Storage.LiteDb.LiteRecordStore.Open(DatabasePath, Key);
        var session = ProtocolEngine.Engine.Trial.TrialDatabase.Open(store, protocol, "admin", AdminPassword, TimeProvider.System, Services.Protocols.DocumentOf(protocol)?.Scripts);
        new ProtocolEngine.Engine.Security.UserService(session).Add(id, role, password);
    }

    /// <summary>Starts the UI at <paramref name="width"/> x <paramref name="height"/>.</summary>
    public Shell Start(int width = 100, int height = 30)
    {
        _app = Application.Create(new VirtualTimeProvider());
        _app.Init("ansi");
        _app.Driver!.SetScreenSize(width, height);
        Shell = new Shell(_app, Opener());
        _token = _app.Begin(Shell);
        _app.LayoutAndDraw(true);
        return Shell;
    }

    public Shell Shell { get; private set; } = null!;

    public IApplication App => _app ?? throw new InvalidOperationException("Start the UI first.");

    /// <summary>The screen as text, after a full layout and draw.</summary>
    public string Screen()
    {
        App.LayoutAndDraw(true);
        return App.Driver!.ToString()!;
    }

    public void Resize(int width, int height)
    {
        App.Driver!.SetScreenSize(width, height);
        App.LayoutAndDraw(true);
    }

    public TuiHarness Press(params Key[] keys)
    {
        foreach (var k in keys)
        {
            App.InjectKey(k);
            App.LayoutAndDraw();
        }
        return this;
    }

    /// <summary>Types the text one character at a time.</summary>
    public TuiHarness Type(string text)
    {
        foreach (var c in text) App.InjectKey(new Key(c));
        App.LayoutAndDraw();
        return this;
    }

    /// <summary>Types the text, then Enter.</summary>
    public TuiHarness Enter(string text = "") => Type(text).Press(Terminal.Gui.Input.Key.Enter);

    /// <summary>Signs in through the login screen as the administrator.</summary>
    public TuiHarness SignIn(string user = "admin", string password = AdminPassword)
    {
        if (Shell.Workspace is not null) return this;
        Type(user).Press(Terminal.Gui.Input.Key.Tab).Enter(password);
        return this;
    }

    /// <summary>The seed participant's screening answers (zl.json), as the text a form field takes.</summary>
    public static IReadOnlyDictionary<string, string> EligibleAnswers()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "protocols", "chictr1900023401", "participants", "zl.json")));
        return doc.RootElement.GetProperty("variables").EnumerateObject().ToDictionary(p => p.Name, p => FieldText.Format(p.Value));
    }

    public void Dispose()
    {
        if (_app is not null)
        {
            if (_token is not null) _app.End(_token);
            Shell.Dispose();
            _app.Dispose();
        }
        _folder.Dispose();
    }
}
