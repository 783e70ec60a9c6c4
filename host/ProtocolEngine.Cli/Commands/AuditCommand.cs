using System.CommandLine;
using ProtocolEngine.Cli.Output;
using ProtocolEngine.Cli.Records;
using ProtocolEngine.Engine.Storage;
using ProtocolEngine.Engine.Audit;

namespace ProtocolEngine.Cli.Commands;

/// <summary>`audit verify [--checkpoint FILE]|show|checkpoint`: verify and show stream the trail, so a long one is never held whole.</summary>
public static class AuditCommand
{
    public static Command Create(CliConsole console, RecordsCliServices services)
    {
        var vOptions = new RecordOptions();
        var vFactory = new SessionFactory(console, services, vOptions);
        var checkpointFile = new Option<string?>("--checkpoint") { Description = "A file of `audit checkpoint`: also prove the history up to it unchanged." };
        var verify = vOptions.AddTo(new Command("verify", "Check the audit trail's hash chain, its signatures, and that records, users and settings match it; exit 2 when it was tampered with.")
        {
            checkpointFile,
        });
        verify.SetAction(parse =>
        {
            var checkpoint = parse.GetValue(checkpointFile) is { } file ? ReadCheckpoint(file) : null;
            using var open = vFactory.Open(parse, readOnly: true);
            var audit = new AuditService(open.Session);
            var report = checkpoint is null ? audit.Check() : audit.Check(checkpoint);
            var (count, problems) = (report.Entries, report.Problems);
            var upTo = checkpoint is null ? "" : $" The history up to entry {checkpoint.Sequence} is the one the checkpoint of {checkpoint.CreatedUtc:yyyy-MM-dd HH:mm} UTC saw.";
            RecordOutput.Write(console, vOptions.Json(parse),
                new { entries = count, intact = report.Intact, administrator_key = report.AdministratorKey, checkpoint = checkpoint?.Sequence, problems },
                () => report.Intact ? $"Audit trail intact: {count} entries, signed; administrator key {report.AdministratorKey}.{upTo}"
                    : $"Audit trail NOT intact ({problems.Count} problems):" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p.Message)));
            return report.Intact ? ExitCodes.Success : ExitCodes.InvalidInput;
        });

        var cOptions = new RecordOptions();
        var cFactory = new SessionFactory(console, services, cOptions);
        var outFile = new Option<string?>("--out") { Description = "Write the checkpoint to this file (default: standard output); keep it outside the database." };
        var checkpointCommand = cOptions.AddTo(new Command("checkpoint", "Verify the trail and export its head (count, hash) signed by you, with the administrator key's fingerprint.")
        {
            outFile,
        });
        checkpointCommand.SetAction(parse =>
        {
            using var open = cFactory.Open(parse, readOnly: true);
            var checkpoint = new AuditService(open.Session).Checkpoint();
            var json = checkpoint.ToJson();
            if (parse.GetValue(outFile) is { } path)
            {
                try { OutputFile.WriteText(path, w => w.WriteLine(json)); }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new CliInputException($"--out: cannot write '{path}': {ex.Message}");
                }
                console.Out.WriteLine($"Checkpoint of entry {checkpoint.Sequence} ({checkpoint.Hash}) signed by '{checkpoint.Signer}' written to {path}.");
            }
            else
                console.Out.WriteLine(json);
            return ExitCodes.Success;
        });

        var sOptions = new RecordOptions();
        var sFactory = new SessionFactory(console, services, sOptions);
        var pid = new Option<string?>("--participant") { Description = "Only this participant's entries." };
        var from = new Option<long>("--from") { Description = "Start at this sequence number (default 1: the first entry).", DefaultValueFactory = _ => 1 };
        var limit = new Option<int?>("--limit") { Description = "Show at most N entries (default: all); with --from, pages through a long trail." };
        var show = sOptions.AddTo(new Command("show", "Show the audit trail.") { pid, from, limit });
        show.SetAction(parse =>
        {
            var fromSequence = parse.GetValue(from);
            if (fromSequence < 1) throw new CliInputException("--from: a sequence number, 1 or more.");
            var max = parse.GetValue(limit);
            if (max < 0) throw new CliInputException("--limit: a number of entries, 0 or more.");
            using var open = sFactory.Open(parse, readOnly: true);
            var audit = new AuditService(open.Session);
            if (sOptions.Json(parse))
            {
                using var json = new JsonArrayWriter(console.Out);
                audit.Show(parse.GetValue(pid), fromSequence, max, json.Add);
                json.Complete();
            }
            else if (audit.Show(parse.GetValue(pid), fromSequence, max, e => console.Out.WriteLine(Line(e))) == 0)
                console.Out.WriteLine();
            return ExitCodes.Success;
        });
        return new Command("audit", "The audit trail.") { verify, show, checkpointCommand };
    }

    private static AuditCheckpoint ReadCheckpoint(string file)
    {
        try
        {
            var info = new FileInfo(file);
            if (!info.Exists) throw new CliInputException($"--checkpoint: no file at '{file}'.");
            if (info.Length > 64 * 1024) throw new CliInputException($"--checkpoint: '{file}' is {info.Length} bytes, not a checkpoint (a few hundred bytes).");
            return AuditCheckpoint.Parse(File.ReadAllText(file), file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"--checkpoint: cannot read '{file}': {ex.Message}");
        }
    }

    private static string Line(AuditEntry e) =>
        $"{e.Sequence}\t{e.TimestampUtc:yyyy-MM-ddTHH:mm:ssZ}\t{e.User}\t{e.Action}\t{e.Collection}/{e.RecordId}" +
        (e.OldValue is null ? "" : $"\told={e.OldValue}") + $"\tnew={e.NewValue}" + (e.Reason is null ? "" : $"\treason={e.Reason}");
}
