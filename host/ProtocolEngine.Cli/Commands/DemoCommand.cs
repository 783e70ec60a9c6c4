using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using ProtocolEngine.Cli.Records;
using ProtocolEngine.Engine.Records.Demo;
using ProtocolEngine.Engine.Records.Model;
using ProtocolEngine.Engine.Records.Security;
using ProtocolEngine.Engine.Records.Services;
using ProtocolEngine.Engine.Storage;

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
        var command = options.AddTo(new Command("demo", "Fill a fresh database with realistic synthetic trial data.") { count, seed });
        command.SetAction(parse =>
        {
            var protocol = factory.LoadProtocol(parse);
            var path = factory.DbPath(parse, protocol);
            var (user, password) = factory.Credentials();
            var key = factory.Key(parse);
            var n = parse.GetValue(count);
            if (n is < 1 or > 10_000) throw new CliInputException($"--participants: {n} must be between 1 and 10000.");
            var fresh = !File.Exists(path);
            using var store = fresh ? LiteRecordStore.Create(path, key) : LiteRecordStore.Open(path, key);
            var session = fresh
                ? TrialDatabase.Initialize(store, protocol, user, password, services.Clock,
                    allocationSeed: Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"demo-allocation-{parse.GetValue(seed)}"))), scripts: factory.Scripts(protocol))
                : TrialDatabase.Open(store, protocol, user, password, services.Clock, factory.Scripts(protocol));
            RolePolicy.Demand(session.User, Permission.ManageUsers);
            if (store.Read(r => r.All<Participant>().Count) > 0)
                throw new CliInputException($"'{path}' already holds participants; the demo fills only a fresh database.");
            if (session.PendingChanges.Count > 0) throw new AmendmentPendingException(session.PendingChanges);
            var allocator = factory.Allocator(session);
            var summary = new DemoGenerator(store, protocol, session.User, services.Evaluators(protocol), allocator, parse.GetValue(seed),
                    services.Protocols.DocumentOf(protocol) is { } document ? DemoTemplates.From(document) : DemoTemplates.None, factory.Scripts(protocol))
                .Run(n, DateOnly.FromDateTime(services.Clock.GetUtcNow().UtcDateTime));
            return RecordOutput.Write(console, options.Json(parse), summary, () =>
                $"Demo data in {path}: {summary.Registered} registered, {summary.Ineligible} ineligible, {summary.Randomized} randomized " +
                $"({string.Join(", ", summary.PerArm.Select(kv => $"{kv.Key} {kv.Value}"))}), {summary.Fractions} fractions ({summary.MissedFractions} missed), " +
                $"{summary.Assessments} assessments, {summary.MissedVisits} missed visits, {summary.AdverseEvents} adverse events, {summary.ImagingFindings} imaging findings, " +
                $"{summary.Withdrawals} withdrawals, {summary.AuditEntries} audit entries.");
        });
        return command;
    }
}
