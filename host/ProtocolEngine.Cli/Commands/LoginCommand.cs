using System.CommandLine;
using ProtocolEngine.Cli.Records;
using ProtocolEngine.Engine.Security;

namespace ProtocolEngine.Cli.Commands;

/// <summary>
/// `login`: authenticates with the password (PROTOCOL_ENGINE_PASSWORD or a prompt) and writes a short-lived
/// token, owner-only, for later commands on the same database; the database keeps only its hash (audited).
/// </summary>
public static class LoginCommand
{
    public static Command Create(CliConsole console, RecordsCliServices services)
    {
        var options = new RecordOptions();
        var factory = new SessionFactory(console, services, options);
        var duration = new Option<string?>("--for") { Description = "How long the login lasts: e.g. 2h, 90m, 1h30m (default 8h, at most 12h)." };
        var command = options.AddTo(new Command("login", "Log in for a while so that later commands need no password (`logout` ends it).") { duration });
        command.SetAction(parse =>
        {
            var length = LoginDuration.Parse(parse.GetValue(duration));
            using var open = factory.Open(parse, passwordOnly: true);
            var file = factory.LoginFile(open.Store.Location);
            var (token, login) = LoginService.Login(open.Session, length);
            file.Write(token);
            return RecordOutput.Write(console, options.Json(parse),
                new { user = login.UserId, expires_utc = login.ExpiresUtc, token_file = file.Path },
                () => $"Logged in as '{login.UserId}' until {login.ExpiresUtc:yyyy-MM-dd HH:mm} UTC (token in {file.Path}); `protocol-engine logout` ends it.");
        });
        return command;
    }
}
