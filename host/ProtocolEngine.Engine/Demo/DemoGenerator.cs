using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Audit;
using ProtocolEngine.Engine.Demo.Population;
using ProtocolEngine.Engine.Assessments;
using ProtocolEngine.Engine.FollowUp;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Randomization;
using ProtocolEngine.Engine.Safety;
using ProtocolEngine.Engine.Screening;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Engine.Storage;
using ProtocolEngine.Engine.Security;
using ProtocolEngine.Engine.Roster;

namespace ProtocolEngine.Engine.Demo;

/// <summary>
/// Fills a fresh database with synthetic participants going through screening, randomization,
/// radiotherapy and follow-up, in date order up to <c>today</c>, through the same services (and so
/// the same checks and audit trail) as real data entry, every record under the protocol version the
/// database accepted. Deterministic for a seed. Participants are spread round-robin over the enrolling
/// sites, each enrolling about one a week; each simulated day is one store batch (one commit).
/// </summary>
/// <remarks>The demo's users sign the trail once per simulated day (<see cref="DeferredSigning"/>), with the administrator's
/// <paramref name="adminKeys"/> and the keys of the users it adds.</remarks>
public sealed class DemoGenerator(IRecordStore store, Protocol protocol, UserAccount admin, IScreeningEvaluator evaluator, IAllocator allocator, DemoOptions options,
    ICtvSelector? targets = null, UserKeys? adminKeys = null)
{
    private readonly DeferredSigning _signing = new();

    /// <summary>Days between enrolments, and days of follow-up simulated after the last one at least.</summary>
    private const int Spacing = 7, LastFollowUpDays = 200;

    private const double EligibleShare = 0.9;

    private readonly Random _random = new(options.Seed);
    private readonly ManualClock _clock = new(DateTimeOffset.UnixEpoch);
    private readonly PriorityQueue<Action, (DateOnly Date, int Order)> _actions = new();
    private readonly PopulationSampler? _population = options.Population is { } p ? new PopulationSampler(p, protocol) : null;
    private readonly DemoResponseRates _rates = options.ResponseRates ?? DemoResponseRates.From(protocol);
    private int _scheduled;

    public DemoSummary Run(int participants, DateOnly today)
    {
        if (participants is < 1 or > 10_000) throw new RecordRejectedException("participants", $"{participants} must be between 1 and 10000.");
        if (protocol.Sites.Count == 0) throw new RecordRejectedException("protocol", "The protocol has no site.");
        var sites = options.Sites ?? protocol.Sites.Count;
        if (sites < 1 || sites > protocol.Sites.Count)
            throw new RecordRejectedException("sites", $"{sites} sites asked for, but the protocol lists {protocol.Sites.Count} "
                + $"({string.Join(", ", protocol.Sites.Select(s => s.Id))}); add sites under `sites:` in the protocol, or ask for 1-{protocol.Sites.Count}.");
        var perSite = (participants + sites - 1) / sites;
        var firstDay = today.DayNumber - (long)perSite * Spacing - LastFollowUpDays;
        if (firstDay < new DateOnly(1900, 1, 1).DayNumber)
            throw new RecordRejectedException("participants", $"{participants} participants at {sites} site(s), one a week each, would start enrolling before 1900; "
                + $"use more sites (--sites) or fewer participants (at most {(today.DayNumber - new DateOnly(1900, 1, 1).DayNumber - LastFollowUpDays) / Spacing * sites}).");
        var first = DateOnly.FromDayNumber((int)firstDay);
        _clock.Set(first.AddDays(-1));
        // The demo's sessions do not keep the roster up to date write by write; it is rebuilt once at the end.
        store.Write(w =>
        {
            ParticipantRoster.Invalidate(w);
            return 0;
        });
        var users = new UserService(Session(admin, adminKeys));
        var coordinator = users.AddWithKeys("demo-coordinator", Role.Coordinator, Secret());
        var investigator = users.AddWithKeys("demo-investigator", Role.Investigator, Secret());
        Sign();
        var context = new DemoContext(protocol, Session(coordinator.Account, coordinator.Keys), Session(investigator.Account, investigator.Keys), _random, today);
        var screening = new DemoScreening(protocol, evaluator, options.Templates, _population, _random);
        var registered = new List<string>();
        for (var i = 0; i < participants; i++)
        {
            var day = NextWeekday(first.AddDays(i / sites * Spacing + _random.Next(0, 4)));
            var site = protocol.Sites[i % sites];
            Schedule(day, () => Enrol(context, screening, site, day, registered));
        }
        Drain(first, today);
        store.Write(w =>
        {
            new ParticipantRoster(Session(admin, adminKeys)).Rebuild(w);
            return 0;
        });
        return Summary(registered);
    }

    private void Enrol(DemoContext context, DemoScreening screening, Site site, DateOnly day, List<string> registered)
    {
        var eligible = _random.NextDouble() < EligibleShare;
        var values = screening.Values(eligible, day);
        var (birthDate, sex) = screening.Registration(values, day);
        var p = new ParticipantService(context.Coordinator).Register(site.Id, null, Initials(), birthDate.Year, sex, day, birthDate);
        registered.Add(p.Id);
        var screened = new ScreeningService(context.Coordinator, evaluator).Screen(p.Id, values, DemoData.Attestations(protocol, _random, eligible), day);
        if (screened.Outcome.Status != ScreeningStatus.Eligible) return;
        var allocation = new RandomizationService(context.Coordinator, allocator, targets).Randomize(p.Id, day);
        var role = protocol.Arms.FirstOrDefault(a => a.Id == allocation.ArmId)?.Role ?? ArmRole.Experimental;
        var pain = DemoPain.Draw(_random, _population?.BaselinePain(screened.Variables), _rates.For(role));
        var plan = new DemoParticipant(context, p.Id, day, site, pain, _population?.TreatedLevels(screened.Variables) ?? []).Plan();
        foreach (var (date, run) in plan)
            Schedule(date, run);
    }

    /// <summary>Queues an action; actions run in date order (then in the order they were planned), never before an earlier one.</summary>
    private void Schedule(DateOnly date, Action run) => _actions.Enqueue(run, (date, _scheduled++));

    /// <summary>Runs the queued actions day by day, each day's as one store batch: one commit a day, all of it or none.</summary>
    private void Drain(DateOnly first, DateOnly today)
    {
        var total = today.DayNumber - first.DayNumber;
        while (_actions.TryPeek(out _, out var next))
        {
            var day = next.Date;
            if (day > today)
            {
                _actions.Clear();
                break;
            }
            options.Progress?.Report(new DemoProgress(day, day.DayNumber - first.DayNumber, total));
            store.Batch(() =>
            {
                // Actions a day's action schedules for the same day run in the same batch.
                for (var step = 0; _actions.TryPeek(out _, out var key) && key.Date == day; step++)
                {
                    _clock.Now = new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero) + TimeSpan.FromSeconds(15 * step);
                    _actions.Dequeue()();
                }
                Sign();
                return 0;
            });
        }
        options.Progress?.Report(new DemoProgress(today, total, total));
    }

    private TrialSession Session(UserAccount user, UserKeys? keys) =>
        new(store, protocol, user, _clock, [], options.Scripts) { Keys = keys, Deferred = _signing, MaintainsRoster = false };

    /// <summary>The signatures of everyone who wrote since the last ones (one transaction, inside the day's batch).</summary>
    private void Sign() => store.Write(w =>
    {
        _signing.SignAll(new AuditedWriter(w, admin.Id, w.GetMeta(TrialDatabase.CurrentVersionKey) ?? "", _clock));
        return 0;
    });

    /// <summary>The counts, each collection streamed once (never the whole trial in memory).</summary>
    private DemoSummary Summary(IReadOnlyList<string> registered) => store.Read(r =>
    {
        var fractions = r.Scan<FractionRecord>().CountBy(x => x.Status).ToDictionary();
        var vital = r.Scan<VitalStatusRecord>().CountBy(x => x.Status).ToDictionary();
        var arms = r.Scan<RandomizationRecord>().CountBy(x => x.ArmId).ToDictionary();
        return new DemoSummary
        {
            Registered = registered.Count,
            Ineligible = r.Scan<Participant>().Count(p => p.Status == ParticipantStatus.Ineligible),
            Randomized = arms.Values.Sum(),
            PerArm = arms,
            Fractions = fractions.GetValueOrDefault(FractionStatus.Delivered),
            MissedFractions = fractions.GetValueOrDefault(FractionStatus.Missed),
            StoppedCourses = r.Count<TreatmentStop>(),
            Assessments = r.Count<Assessment>(),
            MissedVisits = r.Scan<VisitRecord>().Count(v => v.Missed),
            DiaryEntries = r.Count<DiaryEntry>(),
            AdverseEvents = r.Count<AdverseEvent>(),
            ImagingFindings = r.Count<ImagingFinding>(),
            Withdrawals = r.Count<Withdrawal>(),
            Deaths = vital.GetValueOrDefault(VitalStatus.Died),
            LostToFollowUp = vital.GetValueOrDefault(VitalStatus.LostToFollowUp),
            AuditEntries = (int)AuditHead.Parse(r.GetMeta(AuditHead.MetaKey)).Sequence,
        };
    });

    private string Initials() => new([(char)('A' + _random.Next(26)), (char)('A' + _random.Next(26))]);

    private static string Secret() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

    private static DateOnly NextWeekday(DateOnly d) => d.DayOfWeek switch { DayOfWeek.Saturday => d.AddDays(2), DayOfWeek.Sunday => d.AddDays(1), _ => d };
}
