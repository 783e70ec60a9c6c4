using ProtocolEngine.Engine.Dose;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Security;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Engine.Treatment;

/// <summary>
/// Records a participant's plan values per organ at risk and checks each against the protocol's constraint: the Dmax
/// over the plan's fractions is converted to EQD2 at the tissue's alpha/beta (dose per fraction = Dmax / fractions).
/// </summary>
public sealed class PlanService(TrialSession session)
{
    public PlanRecord Record(string participantId, string structure, double dmaxGy, int? fractions = null, DateOnly? on = null, string? reason = null)
    {
        var today = session.TodayFor(participantId);
        var date = on ?? today;
        Guards.NotInFuture(date, today, "date");
        var constraints = session.Protocol.OrganConstraints;
        var constraint = constraints.FirstOrDefault(c => c.Structure == structure)
            ?? throw new RecordRejectedException("structure", constraints.Count == 0
                ? "The protocol has no organ_constraints; add the organs at risk and their limits to it."
                : $"'{structure}' is not an organ at risk of the protocol; structures: {string.Join(", ", constraints.Select(c => c.Structure))}.");
        if (!double.IsFinite(dmaxGy) || dmaxGy < 0 || dmaxGy > 200)
            throw new RecordRejectedException("dmax-gy", $"{dmaxGy} Gy must be between 0 and 200 Gy.");
        var n = fractions ?? session.Protocol.Fractionation?.Fractions
            ?? throw new RecordRejectedException("fractions", "The protocol has no fractionation; give the plan's number of fractions.");
        Guards.InRange(n, 1, 100, "fractions");
        var compared = Compared(constraint, dmaxGy, n);
        return session.Write(Permission.RecordTreatment, w =>
        {
            Guards.Randomized(w.Reader, participantId, date, "date");
            var record = new PlanRecord
            {
                Id = $"{participantId}-PLAN-{structure}", ParticipantId = participantId, Structure = structure, DmaxGy = dmaxGy, Fractions = n,
                AlphaBetaGy = constraint.AlphaBetaGy, ComparedGy = compared, LimitGy = constraint.DmaxGy, Violation = compared > constraint.DmaxGy,
                RecordedOn = date, ProtocolHash = w.ProtocolHash,
            };
            if (w.Reader.Find<PlanRecord>(record.Id) is not { } saved)
                return w.Create(record, record.Violation ? "plan-value-violation" : "plan-value");
            if (string.IsNullOrWhiteSpace(reason))
                throw new RecordRejectedException("reason", $"{structure} of '{participantId}' was recorded on {saved.RecordedOn:yyyy-MM-dd} (Dmax {saved.DmaxGy} Gy); give a reason to change it (--reason).");
            return w.Change(saved, record, record.Violation ? "plan-value-violation" : "plan-value", reason);
        });
    }

    public IReadOnlyList<PlanRecord> List(string participantId) =>
        session.Read(Permission.ReadRecords, r => r.ForParticipant<PlanRecord>(participantId).OrderBy(p => p.Structure, StringComparer.Ordinal).ToList());

    /// <summary>EQD2 of a maximum dose given in <paramref name="fractions"/> equal fractions at the constraint's alpha/beta; the physical dose without one.</summary>
    public static double Compared(OrganConstraint constraint, double dmaxGy, int fractions) =>
        constraint.AlphaBetaGy is { } ab ? LinearQuadratic.Eqd2(fractions, dmaxGy / fractions, ab) : dmaxGy;
}
