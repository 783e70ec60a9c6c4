using System.CommandLine;
using System.Globalization;
using ProtocolEngine.Cli.Records;
using ProtocolEngine.Engine.Audit;
using ProtocolEngine.Engine.Security;
using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Storage.LiteDb;

namespace ProtocolEngine.Cli.Commands;

/// <summary>
/// `restore FILE`: puts a backup in place of the database, after checking it: it opens with the key, belongs to the
/// protocol, its audit trail verifies, and the user is an administrator in it (the current database may be the damaged
/// one, so the backup is where the user is proven). The restore is audited in the restored database before it goes in
/// place; the replaced file is kept beside it (<c>NAME.replaced-TIME</c>). Nothing is replaced when any check fails.
/// </summary>
public static class RestoreCommand
{
    /// <summary>The meta key the restored database records its last restore under (the audit entry notes the same value).</summary>
    public const string RestoredKey = "database.restored";

    public static Command Create(CliConsole console, RecordsCliServices services)
    {
        var options = new RecordOptions();
        var file = new Argument<string>("FILE") { Description = "The backup to restore (made by `protocol-engine backup`)." };
        var command = options.AddTo(new Command("restore", "Replace the database with a checked backup, keeping the replaced file beside it (administrator).") { file });
        var factory = new SessionFactory(console, services, options);
        command.SetAction(parse =>
        {
            var protocol = factory.LoadProtocol(parse);
            var path = factory.DbPath(parse, protocol);
            var source = Path.GetFullPath(parse.GetValue(file)!);
            if (string.Equals(source, path, StringComparison.Ordinal))
                throw new CliInputException($"FILE: '{source}' is the database itself; give the backup to restore.");
            var key = factory.Key(parse);
            var (user, password) = factory.Credentials();
            var temp = DatabaseCopy.Stage(source, key, path, "restore");
            try
            {
                var entries = DatabaseCheck.Verify(temp, key, protocol, source);
                var now = services.Clock.GetUtcNow();
                var keepAs = File.Exists(path) ? $"{path}.replaced-{now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}" : null;
                var store = LiteRecordStore.Open(temp, key);
                var signed = false;
                try
                {
                    var session = TrialDatabase.Open(store, protocol, user, password, services.Clock, factory.Scripts(protocol), upgradeHash: false);
                    RolePolicy.Demand(session.User, Permission.ManageUsers);
                    var value = $"{source} at {now.ToString("O", CultureInfo.InvariantCulture)}";
                    store.Write(w =>
                    {
                        var audited = new AuditedWriter(w, session.User.Id, session.ProtocolHash, services.Clock);
                        var previous = w.GetMeta(RestoredKey);
                        audited.SetMeta(RestoredKey, value);
                        audited.Note("restore", "meta", RestoredKey, previous, value,
                            keepAs is null ? "restored from a backup; there was no database to replace" : $"restored from a backup; the replaced file is kept as {keepAs}");
                        // Signed like every other transaction, so the restored trail still verifies to its end.
                        if (session.Keys is { } keys)
                        {
                            audited.Sign(keys);
                            signed = true;
                        }
                        return 0;
                    });
                }
                catch
                {
                    store.Close();
                    throw;
                }
                // Closing checkpoints: the restored copy is one file, flushed, before it goes in place.
                if (!store.Close())
                    throw new Engine.Storage.StoreFaultException($"The restored copy of '{source}' could not be written ({store.Fault!.Message}); nothing was replaced. Free some space and run the command again.", store.Fault);
                DatabaseCopy.Replace(path, temp, keepAs);
                return RecordOutput.Write(console, options.Json(parse), new { database = path, restoredFrom = source, replacedKeptAs = keepAs, auditEntries = entries + (signed ? 2 : 1) },
                    () => $"Restored {path} from {source} (verified, {entries} audit entries, the restore audited as entry {entries + 1})"
                        + (keepAs is null ? "." : $"; the replaced file is kept as {keepAs}."));
            }
            catch
            {
                DatabaseCopy.Discard(temp);
                throw;
            }
        });
        return command;
    }
}
