using System.CommandLine;
using ProtocolEngine.Storage.LiteDb;
using ProtocolEngine.Cli.Records;
using ProtocolEngine.Engine.Security;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Cli.Commands;

/// <summary>`logout`: revokes the login token of the database (audited) and removes the token file.</summary>
public static class LogoutCommand
{
    public static Command Create(CliConsole console, RecordsCliServices services)
    {
        var options = new RecordOptions();
        var factory = new SessionFactory(console, services, options);
        var command = options.AddTo(new Command("logout", "End the login of `protocol-engine login` on this database."));
        command.SetAction(parse =>
        {
            var protocol = factory.LoadProtocol(parse);
            var path = factory.DbPath(parse, protocol);
            var file = factory.LoginFile(path);
            var token = file.Read();
            var revoked = false;
            if (token is not null)
            {
                // An expired login is revoked too, and the file goes in every case: logout never leaves a token behind.
                var protocolHash = ProtocolFingerprint.Hash(ProtocolFingerprint.CanonicalJson(protocol, factory.Scripts(protocol)));
                using (var store = LiteRecordStore.Open(path, factory.Key(parse)))
                    revoked = LoginService.Logout(store, token, protocolHash, services.Clock);
                file.Delete();
            }
            return RecordOutput.Write(console, options.Json(parse), new { logged_out = revoked, token_file = file.Path },
                () => revoked ? $"Logged out; the login token is revoked and {file.Path} removed." : $"No login to end for {path}.");
        });
        return command;
    }
}
