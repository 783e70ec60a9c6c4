using System.CommandLine;
using ProtocolEngine.Cli.Records;
using ProtocolEngine.Tui;

namespace ProtocolEngine.Cli.Commands;

/// <summary>`tui [PATH]` (and `protocol-engine` alone): the coordinators' terminal UI on the protocol and its database.</summary>
public static class TuiCommand
{
    private static readonly Argument<string> Path = new("path") { Description = $"The protocol file (default: ./{CommonOptions.DefaultProtocol}).", DefaultValueFactory = _ => CommonOptions.DefaultProtocol, Arity = ArgumentArity.ZeroOrOne };

    public static Command Create(RecordsCliServices services)
    {
        var db = new Option<string?>("--db") { Description = "The database file (default: data/<protocol id>.db beside the protocol; env PROTOCOL_ENGINE_DB)." };
        var keyFile = new Option<string?>("--key-file") { Description = "File holding the database key (else env PROTOCOL_ENGINE_DB_KEY, else the login asks)." };
        var command = new Command("tui", "Open the coordinators' terminal UI (the same as running protocol-engine with no command).") { Path, db, keyFile };
        command.SetAction(parse => Run(services, parse.GetValue(Path)!, parse.GetValue(db), parse.GetValue(keyFile)));
        return command;
    }

    /// <summary>Opens the UI on the protocol (./protocol.yaml by default); returns the exit code.</summary>
    public static int Run(RecordsCliServices services, string protocolPath, string? db = null, string? keyFile = null)
    {
        var opener = new TuiWorkspaceOpener(services, protocolPath, db, keyFile);
        TerminalApp.Run(opener);
        return ExitCodes.Success;
    }
}
