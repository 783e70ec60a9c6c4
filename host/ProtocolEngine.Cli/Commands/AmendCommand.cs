using System.CommandLine;
using ProtocolEngine.Cli.Records;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Cli.Commands;

/// <summary>`amend show|accept`: compare the protocol with the accepted version and accept it as an amendment.</summary>
public static class AmendCommand
{
    public static Command Create(CliConsole console, RecordsCliServices services)
    {
        var sOptions = new RecordOptions();
        var sFactory = new SessionFactory(console, services, sOptions);
        var show = sOptions.AddTo(new Command("show", "Show how the protocol differs from the accepted version."));
        show.SetAction(parse =>
        {
            using var open = sFactory.Open(parse, readOnly: true);
            var changes = open.Session.PendingChanges;
            return RecordOutput.Write(console, sOptions.Json(parse), new { pending = changes.Count > 0, changes },
                () => changes.Count == 0 ? "The protocol is the accepted version." : string.Join(Environment.NewLine, changes));
        });

        var aOptions = new RecordOptions();
        var aFactory = new SessionFactory(console, services, aOptions);
        var reason = new Option<string>("--reason") { Description = "Why (ethics approval reference, etc.).", Required = true };
        var accept = aOptions.AddTo(new Command("accept", "Accept the protocol as an amendment (administrators only).") { reason });
        accept.SetAction(parse =>
        {
            using var open = aFactory.Open(parse);
            var changes = open.Session.PendingChanges;
            var version = new AmendmentService(open.Session).Accept(parse.GetValue(reason)!);
            return RecordOutput.Write(console, aOptions.Json(parse), new { version = version.Number, hash = version.Id, changes },
                () => $"Accepted protocol version {version.Number} ({version.Id[..12]}):" + Environment.NewLine + string.Join(Environment.NewLine, changes));
        });
        return new Command("amend", "Protocol amendments.") { show, accept };
    }
}
