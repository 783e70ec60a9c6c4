using System.CommandLine;
using ProtocolEngine.Storage.LiteDb;
using ProtocolEngine.Cli.Records;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Cli.Commands;

/// <summary>`init`: creates the encrypted database of a protocol and its first administrator.</summary>
public static class InitCommand
{
    public static Command Create(CliConsole console, RecordsCliServices services)
    {
        var options = new RecordOptions();
        var command = options.AddTo(new Command("init", "Create the trial database and its administrator (PROTOCOL_ENGINE_USER / PROTOCOL_ENGINE_PASSWORD)."));
        var factory = new SessionFactory(console, services, options);
        command.SetAction(parse =>
        {
            var protocol = factory.LoadProtocol(parse);
            var path = factory.DbPath(parse, protocol);
            if (File.Exists(path)) throw new CliInputException($"A database already exists at '{path}'; init never overwrites one.");
            var (user, password) = factory.Credentials();
            if (password.Length < Engine.Security.PasswordHasher.MinimumLength)
                throw new CliInputException($"PROTOCOL_ENGINE_PASSWORD: the password must have at least {Engine.Security.PasswordHasher.MinimumLength} characters.");
            Engine.Security.UserIdRule.Check(user);
            var key = factory.Key(parse);
            // Whole or not at all: made under a temporary name and renamed into place once complete.
            LiteRecordStore.CreateWith(path, key, store => TrialDatabase.Initialize(store, protocol, user, password, services.Clock, scripts: factory.Scripts(protocol)));
            return RecordOutput.Write(console, options.Json(parse), new { database = path, protocol = protocol.Id, administrator = user },
                () => $"Created {path} for protocol '{protocol.Id}' with administrator '{user}'.");
        });
        return command;
    }
}
