using System.CommandLine;
using ProtocolEngine.Cli.Output;
using ProtocolEngine.Cli.Records;
using ProtocolEngine.Engine.Storage;
using ProtocolEngine.Engine.Audit;

namespace ProtocolEngine.Cli.Commands;

/// <summary>`audit verify|show`: both stream the trail, so a long one is never held whole.</summary>
public static class AuditCommand
{
    public static Command Create(CliConsole console, RecordsCliServices services)
    {
        var vOptions = new RecordOptions();
        var vFactory = new SessionFactory(console, services, vOptions);
        var verify = vOptions.AddTo(new Command("verify", "Check the audit trail's hash chain and that records match it; exit 2 when it was tampered with."));
        verify.SetAction(parse =>
        {
            using var open = vFactory.Open(parse, readOnly: true);
            var report = new AuditService(open.Session).Check();
            var (count, problems) = (report.Entries, report.Problems);
            RecordOutput.Write(console, vOptions.Json(parse), new { entries = count, intact = report.Intact, problems },
                () => report.Intact ? $"Audit trail intact: {count} entries."
                    : $"Audit trail NOT intact ({problems.Count} problems):" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p.Message)));
            return report.Intact ? ExitCodes.Success : ExitCodes.InvalidInput;
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
        return new Command("audit", "The audit trail.") { verify, show };
    }

    private static string Line(AuditEntry e) =>
        $"{e.Sequence}\t{e.TimestampUtc:yyyy-MM-ddTHH:mm:ssZ}\t{e.User}\t{e.Action}\t{e.Collection}/{e.RecordId}" +
        (e.OldValue is null ? "" : $"\told={e.OldValue}") + $"\tnew={e.NewValue}" + (e.Reason is null ? "" : $"\treason={e.Reason}");
}
