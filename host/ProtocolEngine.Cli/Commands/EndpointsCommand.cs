using System.CommandLine;
using System.Globalization;
using System.Text;
using ProtocolEngine.Cli.Records;
using ProtocolEngine.Engine.Endpoints;

namespace ProtocolEngine.Cli.Commands;

/// <summary>`endpoints [--visit ID] [--set itt|pp]`: the pain relief rate per arm and visit in each analysis set, and pain flares.</summary>
public static class EndpointsCommand
{
    public static Command Create(CliConsole console, RecordsCliServices services)
    {
        var options = new RecordOptions();
        var factory = new SessionFactory(console, services, options);
        var visit = new Option<string?>("--visit") { Description = "Only this assessment visit (all its occurrences)." };
        var set = new Option<string?>("--set") { Description = "Only this analysis set (as the protocol names them, e.g. itt or pp)." };
        var command = options.AddTo(new Command("endpoints", "Pain relief rate per arm at each visit in each analysis set (Chow et al. 2012), and pain flares (Hird et al. 2009).") { visit, set });
        command.SetAction(parse =>
        {
            using var open = factory.Open(parse, readOnly: true);
            var plugins = services.PainResponse
                ?? throw new CliInputException("This host has no pain-response plugin wiring; run the protocol-engine executable.");
            var report = new EndpointService(open.Session, plugins(open.Session.Protocol)).PainRelief(parse.GetValue(visit), parse.GetValue(set));
            return RecordOutput.Write(console, options.Json(parse), report, () => Text(report));
        });
        return command;
    }

    private static string Text(PainReliefReport report)
    {
        var c = CultureInfo.InvariantCulture;
        var b = new StringBuilder();
        b.AppendLine(c, $"Endpoint {report.Endpoint} (plugin {report.Plugin}), baseline {report.Baseline}, main analysis at {report.TimePoint ?? "(none)"}, as of {report.AsOf:yyyy-MM-dd}");
        b.AppendLine("set\tvisit\tarm\tresponders/n\trate\tCR\tPR\tindet.\tprog.\tdied\tlost\twithdrawn\tmissing\timputed\texcluded\tpending");
        foreach (var r in report.Rows)
            b.AppendLine(c, $"{r.Set}\t{r.Visit}{(r.Occurrence > 0 ? $"#{r.Occurrence}" : "")}\t{r.Arm}\t{r.Responders}/{r.Denominator}\t{(r.Rate is { } x ? x.ToString("P1", c) : "-")}\t"
                + $"{r.CompleteResponse}\t{r.PartialResponse}\t{r.Indeterminate}\t{r.Progression}\t{r.Died}\t{r.LostToFollowUp}\t{r.Withdrawn}\t{r.MissingAssessment}\t{r.ImputedNonResponders}\t{r.Excluded}\t{r.Pending}");
        b.AppendLine("Pain flare (daily diary against baseline):");
        foreach (var f in report.Flares)
            b.AppendLine(c, $"{f.Arm}\tflares {f.Flares} of {f.Assessed} with a diary\t(rise not returning, progression: {f.Progressions}; no diary or baseline: {f.NotAssessed})");
        return b.ToString().TrimEnd();
    }
}
