using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Records.Model;
using ProtocolEngine.Engine.Records.Persistence;
using ProtocolEngine.Engine.Records.Reference;
using ProtocolEngine.Engine.Records.Scheduling;
using ProtocolEngine.Engine.Records.Security;
using ProtocolEngine.Engine.Records.Services;

namespace ProtocolEngine.Engine.Records.Demo;

/// <summary>
/// Fills a fresh database with synthetic participants going through screening, randomization,
/// radiotherapy and follow-up, in date order up to <c>today</c>, through the same services (and so
/// the same checks and audit trail) as real data entry. Deterministic for a seed.
/// </summary>
public sealed class DemoGenerator(IRecordStore store, Protocol protocol, UserAccount admin, IScreeningEvaluator evaluator, IAllocator allocator, int seed, DemoTemplates? templates = null,
    IReadOnlyDictionary<string, string>? scripts = null)
{
    /// <summary>Tries at varying an eligible template before taking it unchanged.</summary>
    private const int VariationTries = 20;

    private static readonly (string Term, double Probability, int MaxGrade)[] Toxicities =
    [
        ("Dermatitis radiation", 0.30, 2), ("Fatigue", 0.35, 2), ("Nausea", 0.18, 2), ("Vomiting", 0.06, 2), ("Esophagitis", 0.10, 2),
        ("Diarrhea", 0.08, 2), ("Back pain", 0.12, 3), ("Radiculitis", 0.03, 2), ("Myelitis", 0.005, 3),
    ];

    private readonly Random _random = new(seed);
    private readonly ManualClock _clock = new(DateTimeOffset.UnixEpoch);
    private readonly PriorityQueue<Action, (DateOnly Date, int Order)> _actions = new();
    private int _scheduled;

    public DemoSummary Run(int participants, DateOnly today)
    {
        if (participants is < 1 or > 10_000) throw new RecordRejectedException("participants", $"{participants} must be between 1 and 10000.");
        var site = protocol.Sites.FirstOrDefault() ?? throw new RecordRejectedException("protocol", "The protocol has no site.");
        var spacing = 7;
        var first = today.AddDays(-(participants * spacing) - 200);
        _clock.Set(first.AddDays(-1));
        var adminSession = Session(admin);
        var users = new UserService(adminSession);
        var coordinator = Session(users.Add("demo-coordinator", Role.Coordinator, Secret()));
        var investigator = Session(users.Add("demo-investigator", Role.Investigator, Secret()));
        var registered = new List<string>();
        for (var i = 0; i < participants; i++)
        {
            var day = NextWeekday(first.AddDays(i * spacing + _random.Next(0, 4)));
            var index = i;
            Schedule(day, () => Enrol(coordinator, investigator, protocol.Sites[index % protocol.Sites.Count], day, today, registered));
        }
        Drain(today);
        return Summary(registered);
    }

    private void Enrol(TrialSession coordinator, TrialSession investigator, Site site, DateOnly day, DateOnly today, List<string> registered)
    {
        var eligible = _random.NextDouble() < 0.9;
        var values = ScreeningValues(eligible, day);
        var (birthDate, sex) = Registration(values, day);
        var p = new ParticipantService(coordinator).Register(site.Id, null, Initials(), birthDate.Year, sex, day, birthDate);
        registered.Add(p.Id);
        var screening = new ScreeningService(coordinator, evaluator).Screen(p.Id, values, DemoData.Attestations(protocol, _random, eligible), day);
        if (screening.Outcome.Status != EligibilityStatus.Eligible) return;
        new RandomizationService(coordinator, allocator).Randomize(p.Id, day);
        PlanFollowUp(coordinator, investigator, p.Id, site, day, today);
    }

    /// <summary>A birth date and sex that agree with the screening values the protocol binds to the registration (age and sex), else drawn at random.</summary>
    private (DateOnly BirthDate, Sex Sex) Registration(Dictionary<string, System.Text.Json.JsonElement> values, DateOnly day)
    {
        int? Value(RegistrationDatum datum, System.Text.Json.JsonValueKind kind, Func<System.Text.Json.JsonElement, int?> read) =>
            protocol.Variables.FirstOrDefault(v => v.Registration == datum) is { } v && values.TryGetValue(v.Id, out var e) && e.ValueKind == kind ? read(e) : null;
        var age = Value(RegistrationDatum.Age, System.Text.Json.JsonValueKind.Number, e => e.TryGetInt32(out var a) ? a : null) ?? _random.Next(35, 80);
        var sexCode = protocol.Variables.FirstOrDefault(v => v.Registration == RegistrationDatum.Sex) is { } sv && values.TryGetValue(sv.Id, out var se)
            && se.ValueKind == System.Text.Json.JsonValueKind.String ? se.GetString() : null;
        var sex = Enum.GetValues<Sex>().Where(x => Guards.Text(x) == sexCode).Select(x => (Sex?)x).FirstOrDefault() ?? (_random.Next(2) == 0 ? Sex.Female : Sex.Male);
        // Completed years `age` on `day`: born between age+1 years less a day and age years before it.
        var birth = day.AddYears(-age).AddDays(-_random.Next(0, 365));
        return (birth, sex);
    }

    /// <summary>
    /// Values for one screening. An intended-eligible participant starts from an eligible template of
    /// the protocol's scenarios, varied (numbers within their ranges, dates moved to the screening
    /// day) and kept only when the protocol's own rules still find it eligible.
    /// </summary>
    private Dictionary<string, System.Text.Json.JsonElement> ScreeningValues(bool eligible, DateOnly day)
    {
        var pool = templates?.Eligible ?? [];
        if (!eligible || pool.Count == 0)
            return DemoData.Variables(protocol, _random, day);
        var template = pool[_random.Next(pool.Count)];
        for (var i = 0; i < VariationTries; i++)
        {
            var varied = DemoData.Vary(protocol, template, _random, day);
            if (evaluator.Evaluate(ScreeningDataReader.Read(protocol, varied)).Status == EligibilityStatus.Eligible)
                return varied;
        }
        // Unvaried, the template's dates stay as written: its screening date is left to the registration.
        return template.Where(kv => protocol.Variables.All(v => v.Id != kv.Key || v.Registration != RegistrationDatum.ScreeningDate)).ToDictionary();
    }

    private void PlanFollowUp(TrialSession coordinator, TrialSession investigator, string id, Site site, DateOnly randomized, DateOnly today)
    {
        var baselinePain = _random.Next(4, 10);
        var baselineDrug = _random.NextDouble() < 0.6 ? OmedTable.Default.Drugs.ElementAt(_random.Next(OmedTable.Default.Drugs.Count)) : null;
        var baselineDose = baselineDrug is null ? 0 : Math.Round(baselineDrug.Unit == "ug/h" ? 12.5 * _random.Next(1, 4) : 30 / baselineDrug.Factor * _random.Next(1, 4), 1);
        var responder = _random.NextDouble() < 0.65;
        DateOnly? withdrawOn = null;

        DateOnly? start = null, end = null;
        if (protocol.Fractionation is { } f)
        {
            var sessions = new List<(DateOnly, bool)>();
            var delivered = 0;
            var day = randomized.AddDays(_random.Next(1, 6));
            while (delivered < f.Fractions)
            {
                if (FractionCalendar.IsTreatmentDay(day, f, site) && sessions.Count(s => s.Item1 == day) < f.FractionsPerDay)
                {
                    var missed = _random.NextDouble() < 0.04;
                    sessions.Add((day, missed));
                    if (!missed) delivered++;
                    if (sessions.Count(s => s.Item1 == day) < f.FractionsPerDay) continue;
                }
                day = day.AddDays(1);
            }
            start = sessions.First(s => !s.Item2).Item1;
            end = sessions.Last().Item1;
            foreach (var (date, missed) in sessions)
                Schedule(date, () => new TreatmentService(investigator).Record(id, date, missed));
            foreach (var (term, probability, maxGrade) in Toxicities)
            {
                if (_random.NextDouble() >= probability || CtcaeCatalog.Default.Find(term) is not { } ctcae) continue;
                var grades = ctcae.ExistingGrades.Where(g => g <= maxGrade).ToList();
                var grade = grades[Math.Min(grades.Count - 1, (int)Math.Floor(Math.Pow(_random.NextDouble(), 2) * grades.Count))];
                var onset = start.Value.AddDays(_random.Next(3, 25));
                var resolved = onset.AddDays(_random.Next(5, 40));
                Schedule(onset, () => new AdverseEventService(investigator, CtcaeCatalog.Default).Add(id, new AdverseEventInput
                {
                    Term = ctcae.Term, Grade = grade, Onset = onset, Serious = grade >= 3, Relation = grade >= 3 ? Relatedness.Probable : Relatedness.Possible,
                }));
                if (resolved <= today)
                    Schedule(resolved, () => new AdverseEventService(investigator, CtcaeCatalog.Default).Update($"{id}-AE{AeIndex(investigator, id, ctcae.Term)}",
                        a => a with { Resolved = resolved }, "resolution reported at follow-up"));
            }
            if (_random.NextDouble() < 0.06)
            {
                withdrawOn = end.Value.AddDays(_random.Next(20, 300));
                var criterion = protocol.Criteria.Dropout.Count == 0 ? null : protocol.Criteria.Dropout[_random.Next(protocol.Criteria.Dropout.Count)].Id;
                if (criterion is not null && withdrawOn <= today)
                    Schedule(withdrawOn.Value, () => new WithdrawalService(investigator).Withdraw(id, criterion, withdrawOn.Value, "synthetic drop-out"));
                else withdrawOn = null;
            }
        }

        var anchors = new VisitAnchors(randomized, randomized, start, end, false);
        foreach (var occ in VisitPlanner.Plan(id, protocol.Visits, anchors, [], today, null))
        {
            if (withdrawOn is { } w && occ.WindowStart > w) continue;
            var visit = protocol.Visits.First(v => v.Id == occ.VisitId);
            var roll = _random.NextDouble();
            if (roll < 0.05)
            {
                var when = occ.WindowEnd.AddDays(1);
                if (when <= today && (withdrawOn is null || when <= withdrawOn))
                    Schedule(when, () => new VisitService(coordinator).MarkMissed(id, occ.VisitId, occ.Occurrence, "participant did not attend"));
                continue;
            }
            if (roll < 0.08) continue; // left open: shows as overdue
            var date = occ.Target.AddDays(_random.Next(-Math.Min(visit.Window.BeforeDays, 3), Math.Min(visit.Window.AfterDays, 3) + 1));
            if (date < randomized) date = randomized;
            if (date > today || (withdrawOn is { } w2 && date > w2)) continue;
            var followUp = occ.VisitId != protocol.Visits[0].Id;
            var pain = !followUp ? baselinePain : Math.Clamp(responder ? baselinePain - _random.Next(2, baselinePain + 1) : baselinePain + _random.Next(-1, 3), 0, 10);
            var dose = !followUp || baselineDrug is null ? baselineDose : Math.Round(baselineDose * (responder ? 0.5 : 1.0 + 0.25 * _random.Next(0, 2)), 1);
            List<AnalgesicInput> analgesics = baselineDrug is null || dose <= 0 ? [] : [new AnalgesicInput(baselineDrug.Id, dose)];
            var occurrence = occ.Occurrence;
            if (visit.Collect.Contains("pain") || visit.Collect.Count == 0)
                Schedule(date, () => new AssessmentService(coordinator, OmedTable.Default).Record(id, occ.VisitId, occurrence, date, pain, analgesics));
            if (visit.Collect.Contains("imaging"))
                Schedule(date, () => new ImagingService(investigator).Add(id, Imaging(date)));
        }
    }

    private ImagingInput Imaging(DateOnly date)
    {
        var level = $"{"TTTLLC"[_random.Next(6)]}{_random.Next(1, 6)}";
        var roll = _random.NextDouble();
        if (roll < 0.08)
            return new ImagingInput
            {
                Date = date, Modality = ImagingModality.Ct, Finding = FindingKind.Fracture, Level = level,
                Sins = new SinsInput
                {
                    Pain = (SinsPain)_random.Next(3), BoneLesion = (SinsBoneLesion)_random.Next(3), Alignment = (SinsAlignment)(_random.NextDouble() < 0.8 ? 0 : _random.Next(3)),
                    Collapse = (SinsCollapse)_random.Next(4), PosteriorElements = (SinsPosterior)_random.Next(3),
                },
            };
        return new ImagingInput { Date = date, Modality = ImagingModality.Ct, Finding = roll < 0.09 ? FindingKind.RadiationMyelopathy : FindingKind.NoFinding, Level = level };
    }

    private static int AeIndex(TrialSession s, string id, string term) =>
        s.Store.Read(r => r.ForParticipant<AdverseEvent>(id)).Where(a => a.Term == term).Select(a => int.Parse(a.Id[(a.Id.LastIndexOf("AE", StringComparison.Ordinal) + 2)..], System.Globalization.CultureInfo.InvariantCulture)).Max();

    /// <summary>Queues an action; actions run in date order (then in the order they were planned), never before an earlier one.</summary>
    private void Schedule(DateOnly date, Action run) => _actions.Enqueue(run, (date, _scheduled++));

    private void Drain(DateOnly today)
    {
        var (day, step) = (DateOnly.MinValue, 0);
        while (_actions.TryDequeue(out var run, out var key))
        {
            if (key.Date > today) continue;
            (day, step) = key.Date == day ? (day, step + 1) : (key.Date, 0);
            _clock.Now = new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero) + TimeSpan.FromSeconds(15 * step);
            run();
        }
    }

    private TrialSession Session(UserAccount user) => new(store, protocol, user, _clock, [], scripts);

    private DemoSummary Summary(IReadOnlyList<string> registered) => store.Read(r => new DemoSummary
    {
        Registered = registered.Count,
        Ineligible = r.All<Participant>().Count(p => p.Status == ParticipantStatus.Ineligible),
        Randomized = r.All<RandomizationRecord>().Count,
        PerArm = r.All<RandomizationRecord>().GroupBy(x => x.ArmId).ToDictionary(g => g.Key, g => g.Count()),
        Fractions = r.All<FractionRecord>().Count(x => x.Status == FractionStatus.Delivered),
        MissedFractions = r.All<FractionRecord>().Count(x => x.Status == FractionStatus.Missed),
        Assessments = r.All<Assessment>().Count,
        MissedVisits = r.All<VisitRecord>().Count(v => v.Missed),
        AdverseEvents = r.All<AdverseEvent>().Count,
        ImagingFindings = r.All<ImagingFinding>().Count,
        Withdrawals = r.All<Withdrawal>().Count,
        AuditEntries = r.AuditEntries().Count,
    });

    private string Initials() => new([(char)('A' + _random.Next(26)), (char)('A' + _random.Next(26))]);

    private static string Secret() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

    private static DateOnly NextWeekday(DateOnly d) => d.DayOfWeek switch { DayOfWeek.Saturday => d.AddDays(2), DayOfWeek.Sunday => d.AddDays(1), _ => d };
}
