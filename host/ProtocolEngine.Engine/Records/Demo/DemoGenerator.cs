using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Records.Demo.Population;
using ProtocolEngine.Engine.Records.Model;
using ProtocolEngine.Engine.Screening;
using ProtocolEngine.Engine.Records.Persistence;
using ProtocolEngine.Engine.Records.Security;
using ProtocolEngine.Engine.Records.Services;

namespace ProtocolEngine.Engine.Records.Demo;

/// <summary>
/// Fills a fresh database with synthetic participants going through screening, randomization,
/// radiotherapy and follow-up, in date order up to <c>today</c>, through the same services (and so
/// the same checks and audit trail) as real data entry, every record under the protocol version the
/// database accepted. Deterministic for a seed.
/// </summary>
public sealed class DemoGenerator(IRecordStore store, Protocol protocol, UserAccount admin, IScreeningEvaluator evaluator, IAllocator allocator, DemoOptions options)
{
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
        var first = today.AddDays(-(participants * Spacing) - LastFollowUpDays);
        _clock.Set(first.AddDays(-1));
        var users = new UserService(Session(admin));
        var context = new DemoContext(protocol, Session(users.Add("demo-coordinator", Role.Coordinator, Secret())),
            Session(users.Add("demo-investigator", Role.Investigator, Secret())), _random, today);
        var screening = new DemoScreening(protocol, evaluator, options.Templates, _population, _random);
        var registered = new List<string>();
        for (var i = 0; i < participants; i++)
        {
            var day = NextWeekday(first.AddDays(i * Spacing + _random.Next(0, 4)));
            var site = protocol.Sites[i % protocol.Sites.Count];
            Schedule(day, () => Enrol(context, screening, site, day, registered));
        }
        Drain(first, today);
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
        var allocation = new RandomizationService(context.Coordinator, allocator).Randomize(p.Id, day);
        var role = protocol.Arms.FirstOrDefault(a => a.Id == allocation.ArmId)?.Role ?? ArmRole.Experimental;
        var pain = DemoPain.Draw(_random, _population?.BaselinePain(screened.Variables), _rates.For(role));
        var plan = new DemoParticipant(context, p.Id, day, site, pain, _population?.TreatedLevels(screened.Variables) ?? []).Plan();
        foreach (var (date, run) in plan)
            Schedule(date, run);
    }

    /// <summary>Queues an action; actions run in date order (then in the order they were planned), never before an earlier one.</summary>
    private void Schedule(DateOnly date, Action run) => _actions.Enqueue(run, (date, _scheduled++));

    private void Drain(DateOnly first, DateOnly today)
    {
        var (day, step) = (DateOnly.MinValue, 0);
        var total = today.DayNumber - first.DayNumber;
        while (_actions.TryDequeue(out var run, out var key))
        {
            if (key.Date > today) continue;
            if (key.Date != day) options.Progress?.Report(new DemoProgress(key.Date, key.Date.DayNumber - first.DayNumber, total));
            (day, step) = key.Date == day ? (day, step + 1) : (key.Date, 0);
            _clock.Now = new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero) + TimeSpan.FromSeconds(15 * step);
            run();
        }
        options.Progress?.Report(new DemoProgress(today, total, total));
    }

    private TrialSession Session(UserAccount user) => new(store, protocol, user, _clock, [], options.Scripts);

    private DemoSummary Summary(IReadOnlyList<string> registered) => store.Read(r => new DemoSummary
    {
        Registered = registered.Count,
        Ineligible = r.All<Participant>().Count(p => p.Status == ParticipantStatus.Ineligible),
        Randomized = r.All<RandomizationRecord>().Count,
        PerArm = r.All<RandomizationRecord>().GroupBy(x => x.ArmId).ToDictionary(g => g.Key, g => g.Count()),
        Fractions = r.All<FractionRecord>().Count(x => x.Status == FractionStatus.Delivered),
        MissedFractions = r.All<FractionRecord>().Count(x => x.Status == FractionStatus.Missed),
        StoppedCourses = r.All<TreatmentStop>().Count,
        Assessments = r.All<Assessment>().Count,
        MissedVisits = r.All<VisitRecord>().Count(v => v.Missed),
        DiaryEntries = r.All<DiaryEntry>().Count,
        AdverseEvents = r.All<AdverseEvent>().Count,
        ImagingFindings = r.All<ImagingFinding>().Count,
        Withdrawals = r.All<Withdrawal>().Count,
        Deaths = r.All<VitalStatusRecord>().Count(v => v.Status == VitalStatus.Died),
        LostToFollowUp = r.All<VitalStatusRecord>().Count(v => v.Status == VitalStatus.LostToFollowUp),
        AuditEntries = r.AuditEntries().Count,
    });

    private string Initials() => new([(char)('A' + _random.Next(26)), (char)('A' + _random.Next(26))]);

    private static string Secret() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

    private static DateOnly NextWeekday(DateOnly d) => d.DayOfWeek switch { DayOfWeek.Saturday => d.AddDays(2), DayOfWeek.Sunday => d.AddDays(1), _ => d };
}
