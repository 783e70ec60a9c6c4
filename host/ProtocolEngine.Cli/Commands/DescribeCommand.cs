using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Engine.Plugins;
using ProtocolEngine.Engine.Validation;
using System.CommandLine;
using System.Globalization;
using ProtocolEngine.Engine.Summary;
using Spectre.Console;

namespace ProtocolEngine.Cli.Commands;

/// <summary><c>protocol-engine describe [PATH]</c>: a readable summary of a valid protocol.</summary>
public static class DescribeCommand
{
    public static Command Create(CliConsole console)
    {
        var path = CommonOptions.ProtocolArgument();
        var format = OutputFormatOption.Create();
        var command = new Command("describe", "Summarize a protocol: criteria, arms, fractionation with BED and EQD2, visit calendar, endpoints, statistics plan.") { path, format };
        command.SetAction(parse =>
        {
            var file = CommonOptions.ResolveProtocol(parse.GetValue(path));
            // One load of the plugins serves validation (their names) and the sample-size recalculation.
            using var catalog = Edges.Engine.Plugins.Load(PluginFolders.ForProtocol(Path.GetDirectoryName(Path.GetFullPath(file))));
            using var opened = ProtocolOpening.OpenOrRefuse(console, file, ValidationContext.From(catalog));
            var document = opened.Load.Document!;
            var statistics = catalog.Find<IStatisticsPlugin>(document.Protocol.Statistics.Plugin ?? StatsPlugin.DefaultName);
            var summary = ProtocolSummarizer.Summarize(document, statistics);
            if (parse.GetValue(format) == OutputFormat.Json)
                CliJson.Write(console.Out, summary);
            else
                Render(Rendering.For(console.Out), summary);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Render(IAnsiConsole ui, ProtocolSummary s)
    {
        ui.Write(new Rule($"[bold]{Markup.Escape(s.Title)}[/]").LeftJustified());
        var facts = new Grid().AddColumn().AddColumn();
        facts.AddRow("Protocol", $"{Markup.Escape(s.Id)} (version {s.ContentHash[..12]})");
        facts.AddRow("Registration", Markup.Escape(s.Registration));
        if (s.Ethics is { } ethics) facts.AddRow("Ethics", Markup.Escape(ethics));
        facts.AddRow("Phase", Markup.Escape(s.Phase));
        facts.AddRow("Design", Markup.Escape(s.Design));
        facts.AddRow("Sites", Markup.Escape(string.Join("; ", s.Sites)));
        ui.Write(facts);

        Section(ui, "Criteria");
        var criteria = new Table().AddColumns("Kind", "Id", "Criterion", "Rule");
        foreach (var c in s.Criteria)
            criteria.AddRow(c.Depth == 0 ? c.Kind : "", (c.Depth > 0 ? "  " : "") + c.Id, Markup.Escape(c.Text), Markup.Escape(c.Rule));
        ui.Write(criteria);

        Section(ui, "Arms");
        var arms = new Table().AddColumns("Id", "Name", "Role", "Ratio", "CTV");
        foreach (var a in s.Arms)
            arms.AddRow(Markup.Escape(a.Id), Markup.Escape(a.Name), a.Role, a.Ratio.ToString(CultureInfo.InvariantCulture), Markup.Escape(a.Ctv ?? "-"));
        ui.Write(arms);
        if (s.Randomization is { } randomization)
            ui.WriteLine($"Randomization: {randomization}");

        if (s.Fractionation is { } f)
        {
            Section(ui, "Fractionation");
            ui.WriteLine(f.Prescription);
            ui.WriteLine(f.Schedule);
            var dose = new Table().AddColumns("alpha/beta (Gy)", "BED (Gy)", "EQD2 (Gy)");
            foreach (var d in f.Dose)
                dose.AddRow(G(d.AlphaBetaGy), G(d.BedGy), G(d.Eqd2Gy));
            ui.Write(dose);
        }

        Section(ui, "Visit calendar");
        var visits = new Table().AddColumns("Visit", "When", "Window", "Collect");
        foreach (var v in s.Visits)
            visits.AddRow(Markup.Escape($"{v.Id}: {v.Label}"), Markup.Escape(v.When), v.Window, Markup.Escape(v.Collect));
        ui.Write(visits);

        Section(ui, "Endpoints");
        var endpoints = new Table().AddColumns("Kind", "Id", "Endpoint", "Measure", "Visits");
        foreach (var e in s.Endpoints)
            endpoints.AddRow(e.Kind, Markup.Escape(e.Id), Markup.Escape(e.Label), Markup.Escape(e.Measure), Markup.Escape(e.Visits));
        ui.Write(endpoints);

        Section(ui, "Statistics plan");
        foreach (var line in s.Statistics)
            ui.WriteLine("- " + line);
    }

    private static void Section(IAnsiConsole ui, string title)
    {
        ui.WriteLine();
        ui.Write(new Rule($"[bold]{title}[/]").LeftJustified());
    }

    private static string G(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
