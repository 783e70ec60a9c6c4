using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Randomization;
using ProtocolEngine.Engine.Screening;
using ProtocolEngine.Engine.Security;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Engine.Workspace;

public sealed partial class TrialWorkspace
{
    public RandomizationPreview PreviewRandomization(string participantId) => session.Read(Permission.ReadRecords, r =>
    {
        var p = Guards.Participant(r, participantId);
        var screening = r.ForParticipant<ScreeningRecord>(participantId).OrderBy(s => s.ScreenedOn).ThenBy(s => s.Id.Length).ThenBy(s => s.Id).LastOrDefault();
        var verdicts = screening?.Outcome.Verdicts ?? [];
        var met = verdicts.Count(v => (v.Kind == CriterionKind.Inclusion && v.Verdict == Verdict.Met) || (v.Kind == CriterionKind.Exclusion && v.Verdict == Verdict.NotMet));
        Dictionary<string, string> strata = [];
        string? blocked = null;
        if (session.Protocol.Randomization is null) blocked = "The protocol has no randomization section.";
        else if (!RolePolicy.Allows(session.User.Role, Permission.Randomize)) blocked = $"The role {Loading.Naming.EnumValue(session.User.Role)} cannot randomize.";
        else if (r.ForParticipant<RandomizationRecord>(participantId).FirstOrDefault() is { } done) blocked = $"Already randomized on {done.RandomizedOn:yyyy-MM-dd} to {ArmName(done.ArmId)}.";
        else if (p.Status != ParticipantStatus.Eligible || screening is null) blocked = $"The participant is {Guards.Text(p.Status)}; only an eligible participant can be randomized.";
        if (screening is not null && session.Protocol.Randomization is not null)
        {
            try { strata = RandomizationService.Factors(session.Protocol, p, screening); }
            catch (RecordRejectedException ex) { blocked ??= ex.Message; }
        }
        return new RandomizationPreview(participantId, screening is null ? "not screened" : VerdictNames.Of(screening.Outcome.Status), met, verdicts.Count, strata, blocked);
    });

    public AllocationResult Randomize(string participantId) =>
        Allocation(new RandomizationService(session, allocator(), targets).Randomize(participantId, session.Today));
}
