using ProtocolEngine.Engine.Records.Persistence;
using System.CommandLine;
using ProtocolEngine.Cli.Records;
using ProtocolEngine.Engine.Records.Services;

namespace ProtocolEngine.Cli.Commands;

/// <summary>`audit verify|show`.</summary>
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
            var problems = new AuditService(open.Session).Verify();
            var count = open.Session.Store.Read(r => r.AuditEntries().Count);
            RecordOutput.Write(console, vOptions.Json(parse), new { entries = count, intact = problems.Count == 0, problems },
                () => problems.Count == 0 ? $"Audit trail intact: {count} entries."
                    : $"Audit trail NOT intact ({problems.Count} problems):" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p.Message)));
            return problems.Count == 0 ? ExitCodes.Success : ExitCodes.InvalidInput;
        });

        var sOptions = new RecordOptions();
        var sFactory = new SessionFactory(console, services, sOptions);
        var pid = new Option<string?>("--participant") { Description = "Only this participant's entries." };
        var show = sOptions.AddTo(new Command("show", "Show the audit trail.") { pid });
        show.SetAction(parse =>
        {
            using var open = sFactory.Open(parse, readOnly: true);
            var entries = new AuditService(open.Session).Show(parse.GetValue(pid));
            return RecordOutput.Write(console, sOptions.Json(parse), entries, () => string.Join(Environment.NewLine, entries.Select(e =>
                $"{e.Sequence}\t{e.TimestampUtc:yyyy-MM-ddTHH:mm:ssZ}\t{e.User}\t{e.Action}\t{e.Collection}/{e.RecordId}" +
                (e.OldValue is null ? "" : $"\told={e.OldValue}") + $"\tnew={e.NewValue}" + (e.Reason is null ? "" : $"\treason={e.Reason}"))));
        });
        return new Command("audit", "The audit trail.") { verify, show };
    }
}
