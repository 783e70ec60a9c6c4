using System.CommandLine;
using System.Globalization;
using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Engine.Plugins;
using ProtocolEngine.Cli.Output;
using Spectre.Console;

namespace ProtocolEngine.Cli.Commands;

/// <summary>
/// <c>protocol-engine escalation boundaries|decide|simulate</c>: dose-escalation designs reached only through the
/// dose-escalation plugin family (the host holds no design rule; --design is passed through to the plugin).
/// </summary>
public static class EscalationCommand
{
    public const string DefaultPlugin = "Escalation";

    public static Command Create(CliConsole console) =>
        new("escalation", "Dose-escalation designs (from the dose-escalation plugins): decision tables, decisions, simulated operating characteristics.")
        {
            Boundaries(console), Decide(console), Simulate(console),
        };

    private static Option<string> DesignOption() => new("--design") { Description = "The design, as the plugin names it (the host's Escalation plugin: 3+3 or boin).", Required = true };

    private static Option<double?> TargetOption() => new("--target") { Description = "Target DLT rate in (0, 1), e.g. 0.3 (BOIN needs it)." };

    private static Option<string> PluginOption() =>
        new("--plugin") { Description = "The dose-escalation plugin (default Escalation).", DefaultValueFactory = _ => DefaultPlugin };

    private static Command Boundaries(CliConsole console)
    {
        var design = DesignOption();
        var target = TargetOption();
        var cohortSize = new Option<int>("--cohort-size") { Description = "Participants per cohort.", DefaultValueFactory = _ => 3 };
        var maxN = new Option<int>("--max-n") { Description = "Largest number treated at a dose to tabulate.", DefaultValueFactory = _ => 30 };
        var format = StatsPlugin.FormatOption();
        var plugin = PluginOption();
        var command = new Command("boundaries", "The design's decision table: for each number treated, the DLT counts that escalate, de-escalate and eliminate.")
        { design, target, cohortSize, maxN, format, plugin };
        command.SetAction(parse =>
        {
            CheckTarget(parse.GetValue(target));
            CheckCohortSize(parse.GetValue(cohortSize));
            if (parse.GetValue(maxN) < parse.GetValue(cohortSize)) throw new CliInputException($"--max-n: {parse.GetValue(maxN)} is below the cohort size {parse.GetValue(cohortSize)}.");
            if (parse.GetValue(maxN) > MaxTreated) throw new CliInputException($"--max-n: {parse.GetValue(maxN)}; a dose-finding table needs at most {MaxTreated} (the table grows with the square of it).");
            var table = With(parse.GetValue(plugin)!, p => p.Boundaries(new EscalationBoundaryRequest
            {
                Design = parse.GetValue(design)!, TargetToxicity = parse.GetValue(target), CohortSize = parse.GetValue(cohortSize), MaxTreated = parse.GetValue(maxN),
            }));
            var json = new Dictionary<string, object>
            {
                ["design"] = table.Design,
                ["rows"] = table.Rows.Select(r => new Dictionary<string, object?>
                {
                    ["treated"] = r.Treated, ["escalate_at_most"] = r.EscalateAtMost, ["deescalate_at_least"] = r.DeEscalateAtLeast, ["eliminate_at_least"] = r.EliminateAtLeast,
                }).ToList(),
            };
            if (table.LambdaE is { } le) json["lambda_e"] = le;
            if (table.LambdaD is { } ld) json["lambda_d"] = ld;
            StatsPlugin.Write(console, parse.GetValue(format)!, json, BoundaryText(table));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Decide(CliConsole console)
    {
        var design = DesignOption();
        var target = TargetOption();
        var history = new Option<string>("--history") { Description = "Cohorts so far, e.g. \"1NNN 2NTT\": each cohort is its dose level then N (no DLT) or T (DLT) per participant.", Required = true };
        var doses = new Option<int?>("--doses") { Description = "Number of dose levels; default: the highest level in the history." };
        var earlyStop = new Option<int?>("--early-stop") { Description = "Stop once this many are treated at the current dose and the design would stay." };
        var format = StatsPlugin.FormatOption();
        var plugin = PluginOption();
        var command = new Command("decide", "The next dose (escalate, stay, de-escalate) or stop with the MTD, after the cohorts so far.")
        { design, target, history, doses, earlyStop, format, plugin };
        command.SetAction(parse =>
        {
            CheckTarget(parse.GetValue(target));
            var cohorts = EscalationHistory.Parse(parse.GetValue(history)!);
            var highest = cohorts.Max(c => c.Level);
            var levels = parse.GetValue(doses) ?? highest;
            if (levels < highest) throw new CliInputException($"--doses: {levels}, but the history uses level {highest}; give at least {highest}.");
            if (levels > MaxDoseLevels) throw new CliInputException($"--doses: {levels} dose levels{(parse.GetValue(doses) is null ? " (the highest level in --history)" : "")}; a design has at most {MaxDoseLevels}.");
            if (parse.GetValue(earlyStop) is < 1) throw new CliInputException($"--early-stop: {parse.GetValue(earlyStop)}; give at least 1.");
            var data = Enumerable.Range(1, levels).Select(l => new DoseLevelData(l,
                cohorts.Where(c => c.Level == l).Sum(c => c.Treated), cohorts.Where(c => c.Level == l).Sum(c => c.Dlt))).ToList();
            var decision = With(parse.GetValue(plugin)!, p => p.Decide(new DoseEscalationRequest
            {
                Design = parse.GetValue(design)!, TargetToxicity = parse.GetValue(target), CurrentLevel = cohorts[^1].Level, Doses = data, MaxPerLevel = parse.GetValue(earlyStop),
            }));
            var action = decision.Action switch
            {
                DoseAction.Escalate => "escalate", DoseAction.DeEscalate => "deescalate", DoseAction.Stay => "stay", _ => "stop",
            };
            var json = new Dictionary<string, object?>
            {
                ["action"] = action, ["next_level"] = decision.NextLevel, ["mtd"] = decision.MaximumToleratedLevel,
                ["eliminated"] = decision.EliminatedLevels, ["reason"] = decision.Reason,
            };
            var text = decision.Action == DoseAction.Stop
                ? $"stop; MTD: {(decision.MaximumToleratedLevel is { } m ? $"level {m}" : "none")}. {decision.Reason}"
                : $"{action}: next cohort at level {decision.NextLevel}. {decision.Reason}";
            StatsPlugin.Write(console, parse.GetValue(format)!, json!, text);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Simulate(CliConsole console)
    {
        var design = DesignOption();
        var target = TargetOption();
        var trueTox = new Option<string>("--true-tox") { Description = "True DLT rate per dose level, comma separated, e.g. 0.05,0.1,0.2,0.3,0.45.", Required = true };
        var trials = new Option<int>("--trials") { Description = "Simulated trials.", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same result.", DefaultValueFactory = _ => 1 };
        var cohortSize = new Option<int>("--cohort-size") { Description = "Participants per cohort.", DefaultValueFactory = _ => 3 };
        var cohorts = new Option<int>("--cohorts") { Description = "Maximum cohorts per trial.", DefaultValueFactory = _ => 10 };
        var earlyStop = new Option<int?>("--early-stop") { Description = "Stop once this many are treated at the current dose and the design would stay." };
        var format = StatsPlugin.FormatOption();
        var plugin = PluginOption();
        var command = new Command("simulate", "Operating characteristics by simulation: per dose the % selected as MTD and the mean treated, % no MTD, DLT rate, % stopped early.")
        { design, target, trueTox, trials, seed, cohortSize, cohorts, earlyStop, format, plugin };
        command.SetAction(parse =>
        {
            CheckTarget(parse.GetValue(target));
            var rates = Rates(parse.GetValue(trueTox)!);
            if (parse.GetValue(trials) is < 1 or > MaxTrials) throw new CliInputException($"--trials: {parse.GetValue(trials)}; give 1 to {MaxTrials:N0} (10,000 gives each percentage within about 1 point).");
            CheckCohortSize(parse.GetValue(cohortSize));
            if (parse.GetValue(cohorts) is < 1 or > MaxCohorts) throw new CliInputException($"--cohorts: {parse.GetValue(cohorts)}; give 1 to {MaxCohorts}.");
            if (rates.Count > MaxDoseLevels) throw new CliInputException($"--true-tox: {rates.Count} dose levels; a design has at most {MaxDoseLevels}.");
            if (parse.GetValue(earlyStop) is < 1) throw new CliInputException($"--early-stop: {parse.GetValue(earlyStop)}; give at least 1.");
            var request = new EscalationSimulationRequest
            {
                Design = parse.GetValue(design)!, TargetToxicity = parse.GetValue(target), TrueToxicity = rates, Trials = parse.GetValue(trials),
                Seed = parse.GetValue(seed), CohortSize = parse.GetValue(cohortSize), Cohorts = parse.GetValue(cohorts), EarlyStopAt = parse.GetValue(earlyStop),
            };
            var result = With(parse.GetValue(plugin)!, p => TerminalProgress.IsTerminal(console.Out) && parse.GetValue(format) != "json"
                ? TerminalProgress.Show(console.Out, noColour: Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 }, "Simulating trials",
                    move => p.Simulate(request, done => move(done, request.Trials, null)))
                : p.Simulate(request, null));
            var json = new Dictionary<string, object>
            {
                ["doses"] = rates.Select((r, i) => new Dictionary<string, object>
                {
                    ["level"] = i + 1, ["true_tox"] = r, ["selected_percent"] = result.SelectedPercent[i], ["mean_treated"] = result.MeanTreated[i],
                }).ToList(),
                ["no_mtd_percent"] = result.NoMtdPercent, ["dlt_rate"] = result.DltRate, ["stopped_early_percent"] = result.StoppedEarlyPercent,
                ["mean_participants"] = result.MeanParticipants, ["trials"] = request.Trials, ["seed"] = request.Seed,
            };
            StatsPlugin.Write(console, parse.GetValue(format)!, json, SimulationText(rates, result));
            return ExitCodes.Success;
        });
        return command;
    }

    // Bounds far beyond any dose-finding trial, so that no argument runs for hours or exhausts memory (found by fuzzing:
    // --max-n 100000 ran for minutes, --trials 2000000000 for hours, --doses 2000000000 allocated a list of that length).
    private const int MaxTreated = 1000;
    private const int MaxTrials = 100_000;
    private const int MaxCohorts = 100;
    private const int MaxCohortSize = 12;
    private const int MaxDoseLevels = 50;

    private static void CheckCohortSize(int size)
    {
        if (size is < 1 or > MaxCohortSize) throw new CliInputException($"--cohort-size: {size}; give 1 to {MaxCohortSize}.");
    }

    private static void CheckTarget(double? target)
    {
        if (target is { } t && !(t > 0 && t < 1))
            throw new CliInputException($"--target: {StatsPlugin.G(t)} is outside (0, 1); give a DLT rate such as 0.3.");
    }

    internal static IReadOnlyList<double> Rates(string text)
    {
        var parts = text.Split(',');
        var rates = new List<double>();
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i].Trim();
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) || !(r >= 0 && r <= 1))
                throw new CliInputException($"--true-tox: item {i + 1} \"{part}\" is not a rate in [0, 1]; give one rate per dose level, comma separated, e.g. 0.05,0.1,0.2,0.3,0.45.");
            rates.Add(r);
        }
        return rates;
    }

    private static T With<T>(string name, Func<IDoseEscalationSimulator, T> call)
    {
        using var catalog = Edges.Engine.Plugins.Load(PluginFolders.ForProtocol(null));
        var plugin = catalog.Find<IDoseEscalationPlugin>(name) as IDoseEscalationSimulator
            ?? throw new CliInputException($"--plugin: no dose-escalation plugin '{name}' with decision tables and simulation (contract 2.1); available: "
                + (catalog.NamesFor(PluginFamily.DoseEscalation) is { Count: > 0 } names ? string.Join(", ", names) : "none") + "."
                + (catalog.Failures.Count > 0 ? $" {catalog.Failures.Count} plugin(s) failed to load; run `protocol-engine plugins` for the reasons." : ""));
        try
        {
            return call(plugin);
        }
        catch (ArgumentException ex)
        {
            throw new CliInputException(ex.Message);
        }
    }

    private static string BoundaryText(EscalationBoundaries table)
    {
        static string Cell(int? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "NA";
        var lines = new List<string>();
        if (table.LambdaE is { } le && table.LambdaD is { } ld)
            lines.Add($"lambda_e = {StatsPlugin.G(le)}, lambda_d = {StatsPlugin.G(ld)}");
        lines.Add("Number of patients treated  " + string.Join(" ", table.Rows.Select(r => $"{r.Treated,3}")));
        lines.Add("Escalate if # of DLT <=     " + string.Join(" ", table.Rows.Select(r => $"{Cell(r.EscalateAtMost),3}")));
        lines.Add("Deescalate if # of DLT >=   " + string.Join(" ", table.Rows.Select(r => $"{Cell(r.DeEscalateAtLeast),3}")));
        lines.Add("Eliminate if # of DLT >=    " + string.Join(" ", table.Rows.Select(r => $"{Cell(r.EliminateAtLeast),3}")));
        return string.Join(Environment.NewLine, lines);
    }

    private static string SimulationText(IReadOnlyList<double> rates, EscalationSimulation result)
    {
        var lines = new List<string> { "level  true tox  selected %  mean treated" };
        for (var i = 0; i < rates.Count; i++)
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{i + 1,5}  {rates[i],8:0.###}  {result.SelectedPercent[i],10:0.0}  {result.MeanTreated[i],12:0.00}"));
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"no MTD {result.NoMtdPercent:0.0}%, DLT rate {result.DltRate:0.###}, stopped early {result.StoppedEarlyPercent:0.0}%, mean participants {result.MeanParticipants:0.0}"));
        return string.Join(Environment.NewLine, lines);
    }
}

/// <summary>The cohort notation of the R package escalation: "1NNN 2NTT", a dose level then N or T per participant.</summary>
public static class EscalationHistory
{
    public sealed record Cohort(int Level, int Treated, int Dlt);

    public static IReadOnlyList<Cohort> Parse(string text)
    {
        const string Fix = "write each cohort as its dose level then N (no DLT) or T (DLT) per participant, cohorts separated by spaces, e.g. \"1NNN 2NTT\"";
        var cohorts = new List<Cohort>();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == ' ')
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            if (i == start)
                throw new CliInputException($"--history: character {i + 1} '{text[i]}' where a dose level was expected; {Fix}.");
            if (!int.TryParse(text.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out var level) || level < 1)
                throw new CliInputException($"--history: character {start + 1}: dose level {text[start..i]} must be 1 or more; {Fix}.");
            int treated = 0, dlt = 0;
            while (i < text.Length && text[i] != ' ')
            {
                switch (text[i])
                {
                    case 'N': treated++; break;
                    case 'T': treated++; dlt++; break;
                    default:
                        throw new CliInputException($"--history: character {i + 1} '{text[i]}' in cohort \"{text[start..NextSpace(text, i)]}\" is not N or T; {Fix}.");
                }
                i++;
            }
            if (treated == 0)
                throw new CliInputException($"--history: character {start + 1}: cohort at level {level} has no participant; {Fix}.");
            cohorts.Add(new Cohort(level, treated, dlt));
        }
        if (cohorts.Count == 0)
            throw new CliInputException($"--history: no cohort given; {Fix}.");
        return cohorts;
    }

    private static int NextSpace(string text, int from)
    {
        var at = text.IndexOf(' ', from);
        return at < 0 ? text.Length : at;
    }
}
