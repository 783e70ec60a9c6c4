using System.CommandLine;
using ProtocolEngine.Cli.Records;
using ProtocolEngine.Engine.Security;
using ProtocolEngine.Storage.LiteDb;

namespace ProtocolEngine.Cli.Commands;

/// <summary>
/// `backup --out FILE [--force]`: a consistent copy of the database while others work. It is taken as a reader (beside
/// other readers; a writer's transaction is never half in it, since writers wait for readers), as one encrypted file
/// (0600) with every committed transaction, checked (key, protocol, audit trail) and only then renamed into place.
/// </summary>
public static class BackupCommand
{
    public static Command Create(CliConsole console, RecordsCliServices services)
    {
        var options = new RecordOptions();
        var outPath = new Option<string>("--out") { Description = "The backup file to write (owner-only, encrypted with the database key).", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace a file that exists at --out." };
        var command = options.AddTo(new Command("backup", "Copy the database, consistent and encrypted, while others work (administrator).") { outPath, force });
        var factory = new SessionFactory(console, services, options);
        command.SetAction(parse =>
        {
            var destination = Path.GetFullPath(parse.GetValue(outPath)!);
            var overwrite = parse.GetValue(force);
            if (!overwrite && (File.Exists(destination) || Directory.Exists(destination)))
                throw new CliInputException($"--out: '{destination}' exists; give --force to replace it, or another --out.");
            var key = factory.Key(parse);
            string temp, database;
            var protocol = factory.LoadProtocol(parse);
            using (var open = factory.Open(parse, readOnly: true, key: key))
            {
                RolePolicy.Demand(open.Session.User, Permission.ManageUsers);
                database = open.Store.Location;
                if (string.Equals(destination, database, StringComparison.Ordinal))
                    throw new CliInputException($"--out: '{destination}' is the database itself; write the backup to another file.");
                temp = DatabaseCopy.Snapshot((LiteRecordStore)open.Store, key, destination);
            }
            try
            {
                var entries = DatabaseCheck.Verify(temp, key, protocol, destination);
                DatabaseCopy.Publish(temp, destination, overwrite);
                return RecordOutput.Write(console, options.Json(parse), new { database, backup = destination, auditEntries = entries, bytes = new FileInfo(destination).Length },
                    () => $"Backed up {database} to {destination} ({new FileInfo(destination).Length} bytes, {entries} audit entries, verified; encrypted with the database key).");
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
