using ProtocolEngine.Cli.Output;
using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ProtocolEngine.Storage.LiteDb;
using ProtocolEngine.Cli.Records;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Demo;
using ProtocolEngine.Engine.Demo.Population;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Engine.Randomization;
using ProtocolEngine.Engine.Security;
using ProtocolEngine.Yaml.Population;

namespace ProtocolEngine.Cli.Commands;

/// <summary>`demo`: fills a fresh database with synthetic participants (creating it, with the PROTOCOL_ENGINE_USER administrator, when absent).</summary>
public static class DemoCommand
{
    public static Command Create(CliConsole console, RecordsCliServices services)
    {
        var options = new RecordOptions();
        var factory = new SessionFactory(console, services, options);
        var count = new Option<int>("--participants") { Description = "Participants to register (about 90% are eligible and randomized).", DefaultValueFactory = _ => 66 };
        var seed = new Option<int>("--seed") { Description = "Seed of the synthetic data (same seed, same trial).", Required = true };
        var population = new Option<string?>("--population")
        {
            Description = $"Who the participants are (YAML; default: {DemoPopulation.FileName} beside the protocol's scenarios folder, else values drawn evenly).",
        };
        var rates = new Option<string?>("--response-rates")
        {
            Description = "P_EXPERIMENTAL,P_CONTROL: probability of a pain response in the experimental and control arms, e.g. 0.65,0.80 "
                + $"(default: the protocol's statistics.assumed_rates, else {DemoResponseRates.Fallback.ToString(CultureInfo.InvariantCulture)}).",
        };
        var sites = new Option<int?>("--sites") { Description = "How many of the protocol's sites enrol, the first ones listed (default: all); each enrols about one participant a week." };
        var command = options.AddTo(new Command("demo", "Fill a fresh database with realistic synthetic trial data.") { count, seed, population, rates, sites });
        command.SetAction(parse =>
        {
            var n = parse.GetValue(count);
            if (n is < 1 or > 10_000) throw new CliInputException($"--participants: {n} must be between 1 and 10000.");
            var responseRates = ResponseRates(parse.GetValue(rates));
            var protocol = factory.LoadProtocol(parse);
            var siteCount = parse.GetValue(sites);
            if (siteCount is { } asked && (asked < 1 || asked > protocol.Sites.Count))
                throw new CliInputException($"--sites: {asked} asked for, but the protocol lists {protocol.Sites.Count} site(s) "
                    + $"({string.Join(", ", protocol.Sites.Select(s => s.Id))}); add sites under `sites:` in protocol.yaml, or ask for 1-{protocol.Sites.Count}.");
            var document = services.Protocols.DocumentOf(protocol);
            var people = Population(console, parse.GetValue(population) ?? (document is null ? null : DemoPopulation.DefaultPath(document)), protocol);
            var path = factory.DbPath(parse, protocol);
            var (user, password) = factory.Credentials();
            var key = factory.Key(parse);
            var fresh = !File.Exists(path);
            if (fresh)
            {
                // The checks init makes, before a file exists: a refused administrator leaves nothing behind.
                if (password.Length < PasswordHasher.MinimumLength)
                    throw new CliInputException($"PROTOCOL_ENGINE_PASSWORD: the password must have at least {PasswordHasher.MinimumLength} characters.");
                UserIdRule.Check(user);
            }
            var created = false;
            try
            {
                return Fill();
            }
            catch when (created)
            {
                // A fresh demo database is all or nothing: a refusal or a failure part-way removes what it made.
                RemoveFresh(path);
                throw;
            }

            int Fill()
            {
                using var store = fresh ? LiteRecordStore.Create(path, key) : LiteRecordStore.Open(path, key);
                created = fresh;
                var session = fresh
                    ? TrialDatabase.Initialize(store, protocol, user, password, services.Clock,
                        allocationSeed: Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"demo-allocation-{parse.GetValue(seed)}"))), scripts: factory.Scripts(protocol))
                    : TrialDatabase.Open(store, protocol, user, password, services.Clock, factory.Scripts(protocol));
                RolePolicy.Demand(session.User, Permission.ManageUsers);
                if (store.Read(r => r.Count<Participant>()) > 0)
                    throw new CliInputException($"'{path}' already holds participants; the demo fills only a fresh database.");
                // A protocol that states only the method: the demo seals block sizes of its own (2 and 4 times the ratio sum) with its
                // seed, in a database it made or one `init` made (no one is randomized in either yet, so a seal is still allowed).
                if (protocol.Randomization is { Method: "permuted-blocks", BlockSizes.Count: 0 })
                {
                    var sum = protocol.Arms.Sum(a => a.Ratio);
                    new AllocationSealing(session).Seal(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"demo-allocation-{parse.GetValue(seed)}"))), [2 * sum, 4 * sum], []);
                }
                if (session.PendingChanges.Count > 0) throw new AmendmentPendingException(session.PendingChanges);
                var demo = new DemoOptions
                {
                    Seed = parse.GetValue(seed), Templates = document is null ? DemoTemplates.None : DemoTemplates.From(document),
                    Scripts = factory.Scripts(protocol), Population = people, ResponseRates = responseRates, Sites = siteCount,
                };
                var today = session.Today;
                var json = options.Json(parse);
                DemoSummary Run(IProgress<DemoProgress>? progress) =>
                    new DemoGenerator(store, protocol, session.User, services.Evaluators(protocol), factory.Allocator(session), demo with { Progress = progress },
                        factory.CtvSelector(session), session.Keys).Run(n, today);
                var summary = !json && TerminalProgress.IsTerminal(console.Out)
                    ? TerminalProgress.Show(console.Out, noColour: services.Environment("NO_COLOR") is { Length: > 0 }, "Simulating the trial",
                        move => Run(TerminalProgress.Reporter<DemoProgress>(move, p => (p.DaysDone, p.DaysTotal, $"Simulating the trial: {p.Day:yyyy-MM-dd}"))))
                    : Run(null);
                return RecordOutput.Write(console, json, summary, () =>
                    $"Demo data in {path}: {summary.Registered} registered, {summary.Ineligible} ineligible, {summary.Randomized} randomized " +
                    $"({string.Join(", ", summary.PerArm.Select(kv => $"{kv.Key} {kv.Value}"))}), {summary.Fractions} fractions ({summary.MissedFractions} missed, " +
                    $"{summary.StoppedCourses} courses stopped early), {summary.Assessments} assessments, {summary.MissedVisits} missed visits, {summary.DiaryEntries} diary entries, " +
                    $"{summary.AdverseEvents} adverse events, {summary.ImagingFindings} imaging findings, {summary.Deaths} deaths, {summary.LostToFollowUp} lost to follow-up, " +
                    $"{summary.Withdrawals} withdrawals, {summary.AuditEntries} audit entries" +
                    (people is null ? "." : $"; population from {people.File}."));
            }
        });
        return command;
    }

    /// <summary>Removes a database the demo created (the file, its lock file and LiteDB's log beside it).</summary>
    private static void RemoveFresh(string path)
    {
        var log = Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + "-log" + Path.GetExtension(path));
        foreach (var file in new[] { path, path + ".lock", log })
            File.Delete(file);
    }

    /// <summary>Parses --response-rates: two probabilities, a comma between them and a dot for decimals.</summary>
    private static DemoResponseRates? ResponseRates(string? text)
    {
        if (text is null) return null;
        var parts = text.Split(',');
        var values = parts.Select(p => CliNumbers.TryReal(p, out var x, out _) ? x : double.NaN).ToList();
        if (parts.Length != 2 || values.Any(v => !(v is >= 0 and <= 1)))
            throw new CliInputException($"--response-rates: '{text}' is not two probabilities P_EXPERIMENTAL,P_CONTROL between 0 and 1; "
                + "write them with a dot for decimals and a comma between them, e.g. --response-rates 0.65,0.80.");
        return new DemoResponseRates(values[0], values[1]);
    }

    private static DemoPopulation? Population(CliConsole console, string? path, Protocol protocol)
    {
        if (path is null) return null;
        try
        {
            return DemoPopulationReader.Read(path, protocol);
        }
        catch (DemoPopulationException ex)
        {
            foreach (var d in ex.Diagnostics) console.Error.WriteLine(d);
            throw new CliInputException(ex.Message);
        }
    }
}
