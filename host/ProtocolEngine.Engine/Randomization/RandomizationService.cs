using System.Text.Json;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Screening;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Engine.Security;

namespace ProtocolEngine.Engine.Randomization;

/// <summary>
/// Randomizes an eligible, consented participant exactly once. Checks, the list position, the
/// allocator call, the record, the status change and the audit entries are one transaction; unique
/// claims on the participant and on (stratum, position) make a second use impossible. With a CTV selector, the
/// target volume of each treated lesion is defined under the allocated arm's policy in the same transaction
/// (<see cref="TargetVolumePlanner"/>); without one (a host that wires none) no target volume is recorded.
/// </summary>
public sealed class RandomizationService(TrialSession session, IAllocator allocator, ICtvSelector? targets = null)
{
    public RandomizationRecord Randomize(string participantId, DateOnly? on = null)
    {
        var today = session.TodayFor(participantId);
        var date = on ?? today;
        Guards.NotInFuture(date, today, "date");
        return session.Write(Permission.Randomize, w =>
        {
            var r = w.Reader;
            var p = Guards.Participant(r, participantId);
            if (r.ForParticipant<RandomizationRecord>(participantId).FirstOrDefault() is { } done)
                throw new RecordRejectedException("participant", $"Participant '{participantId}' was already randomized on {done.RandomizedOn:yyyy-MM-dd}; a participant is randomized once.");
            if (p.Status != ParticipantStatus.Eligible)
                throw new RecordRejectedException("participant", $"Participant '{participantId}' is {Guards.Text(p.Status)}; only an eligible participant can be randomized.");
            if (p.ConsentedOn is not { } consent)
                throw new RecordRejectedException("participant", $"Participant '{participantId}' has no informed consent recorded.");
            var screening = r.ForParticipant<ScreeningRecord>(participantId).OrderBy(s => s.ScreenedOn).ThenBy(s => s.Id.Length).ThenBy(s => s.Id).Last();
            if (date < screening.ScreenedOn || date < consent)
                throw new RecordRejectedException("date", $"{date:yyyy-MM-dd} is before the screening ({screening.ScreenedOn:yyyy-MM-dd}) or consent ({consent:yyyy-MM-dd}).");

            var factors = Factors(p, screening);
            var stratum = StratumKey(factors);
            w.Claim($"randomization:participant:{participantId}");
            var position = RecordCounter.Next(w, $"count:randomized:{stratum}",
                reader => reader.Scan<RandomizationRecord>().Count(x => x.StratumKey == stratum), n => w.Claim($"randomization:slot:{stratum}#{n}"));
            var result = allocator.Allocate(new Contracts.Plugins.AllocationRequest
            {
                // The list position counts from 1; the request counts those randomized before (from 0).
                Levels = factors, Position = position - 1,
                // Only minimization weighs the earlier allocations (the contract's other methods ignore them): reading
                // every allocation for each randomization is paid only where it is used.
                Prior = session.Protocol.Randomization?.Minimization is null ? []
                    : [.. r.Scan<RandomizationRecord>().OrderBy(x => x.RandomizedAtUtc).Select(x => new Contracts.Plugins.PriorAllocation(x.ArmId, x.Factors))],
            });
            if (session.Protocol.Arms.All(a => a.Id != result.ArmId))
                throw new InvalidOperationException($"The allocator returned arm '{result.ArmId}', which the protocol does not have.");
            var record = w.Create(new RandomizationRecord
            {
                Id = $"{participantId}-R", ParticipantId = participantId, ArmId = result.ArmId, StratumKey = stratum, Factors = factors, ListPosition = position,
                BlockId = result.BlockId, RandomizedAtUtc = w.Now, RandomizedOn = date, RandomizedBy = session.User.Id, ProtocolHash = session.ProtocolHash,
            }, "randomize");
            w.Change(p, p with { Status = ParticipantStatus.Randomized }, "status", $"randomized to {result.ArmId}");
            if (targets is not null)
                TargetVolumePlanner.Define(w, session.Protocol, targets, session.Protocol.Arms.First(a => a.Id == result.ArmId), screening, date);
            return record;
        });
    }

    private Dictionary<string, string> Factors(Participant p, ScreeningRecord screening) => Factors(session.Protocol, p, screening);

    /// <summary>The stratification and minimization factor values of a participant's screening (the workspace's randomization preview shows them).</summary>
    internal static Dictionary<string, string> Factors(Model.Protocol protocol, Participant p, ScreeningRecord screening)
    {
        var names = (protocol.Randomization?.Strata ?? [])
            .Concat(protocol.Randomization?.Minimization?.Factors.Select(f => f.Factor) ?? []).Distinct();
        var factors = new Dictionary<string, string>();
        foreach (var name in names)
        {
            if (name == "site") factors[name] = p.SiteId;
            else if (screening.Variables.TryGetValue(name, out var v) && v.ValueKind != JsonValueKind.Null)
                factors[name] = v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText();
            else
                throw new RecordRejectedException($"variables.{name}", $"The stratification factor '{name}' has no value in screening {screening.Id}.");
        }
        return factors;
    }

    private string StratumKey(IReadOnlyDictionary<string, string> factors)
    {
        var strata = session.Protocol.Randomization?.Strata ?? [];
        return strata.Count == 0 ? "all" : string.Join(";", strata.Select(s => $"{s}={factors[s]}"));
    }

    /// <summary>The target volumes defined for a participant, in lesion order.</summary>
    public IReadOnlyList<TargetVolume> TargetVolumes(string participantId) => new TargetVolumeService(session).List(participantId);

    /// <summary>The whole list (statisticians and administrators only).</summary>
    public IReadOnlyList<RandomizationRecord> List() =>
        session.Read(Permission.ViewRandomizationList, r => r.All<RandomizationRecord>().OrderBy(x => x.StratumKey).ThenBy(x => x.ListPosition).ToList());
}
