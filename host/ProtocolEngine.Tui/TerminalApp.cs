using ProtocolEngine.Engine.Workspace;
using Terminal.Gui.App;

namespace ProtocolEngine.Tui;

/// <summary>Runs the coordinators' terminal UI on a workspace opener until the user quits.</summary>
public static class TerminalApp
{
    public static void Run(IWorkspaceOpener opener)
    {
        using IApplication app = Application.Create().Init();
        using var shell = new Shell(app, opener);
        app.Run(shell);
    }
}
