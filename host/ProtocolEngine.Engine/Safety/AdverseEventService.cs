using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Engine.Reference;
using ProtocolEngine.Engine.Security;

namespace ProtocolEngine.Engine.Safety;

/// <summary>Records adverse events with a CTCAE v5.0 term, an existing grade of that term and its MedDRA code.</summary>
public sealed class AdverseEventService(TrialSession session, CtcaeCatalog ctcae)
{
    public AdverseEvent Add(string participantId, AdverseEventInput input)
    {
        var term = Check(input, session.TodayFor(participantId));
        return session.Write(Permission.RecordSafety, w =>
        {
            Guards.Randomized(w.Reader, participantId, input.Onset, "onset");
            if (input.Resolved is { } resolved) Guards.FollowUpOpen(w.Reader, participantId, resolved, "resolved");
            return w.Create(new AdverseEvent
            {
                Id = Guards.NextId<AdverseEvent>(w.Reader, participantId, "AE"), ParticipantId = participantId, Term = term.Term,
                MeddraCode = term.MeddraCode, Grade = input.Grade, Onset = input.Onset, Resolved = input.Resolved, Serious = input.Serious,
                RelationToRadiotherapy = input.Relation, ProtocolHash = session.ProtocolHash,
            }, "ae-add");
        });
    }

    /// <summary>Changes a saved event (grade, resolution, seriousness, relation); needs a reason.</summary>
    public AdverseEvent Update(string eventId, Func<AdverseEvent, AdverseEvent> change, string reason) =>
        session.Write(Permission.RecordSafety, w =>
        {
            var saved = w.Reader.Find<AdverseEvent>(eventId) ?? throw new RecordRejectedException("id", $"No adverse event '{eventId}'.");
            var today = Guards.Participant(w.Reader, saved.ParticipantId) is var p ? session.TodayAt(p.SiteId) : session.Today;
            var updated = change(saved) with { Id = saved.Id, ParticipantId = saved.ParticipantId };
            Check(new AdverseEventInput
            {
                Term = updated.Term, MeddraCode = updated.MeddraCode, Grade = updated.Grade, Onset = updated.Onset,
                Resolved = updated.Resolved, Serious = updated.Serious, Relation = updated.RelationToRadiotherapy,
            }, today);
            Guards.Randomized(w.Reader, saved.ParticipantId, updated.Onset, "onset");
            if (updated.Resolved is { } resolved) Guards.FollowUpOpen(w.Reader, saved.ParticipantId, resolved, "resolved");
            return w.Change(saved, updated, "ae-update", reason);
        });

    /// <summary>The term, its code and grade, and dates not after <paramref name="today"/> (the date at the participant's site).</summary>
    private CtcaeTerm Check(AdverseEventInput input, DateOnly today)
    {
        var term = ctcae.Find(input.Term) ?? throw new RecordRejectedException("term", $"'{input.Term}' is not a CTCAE v5.0 term"
            + Suggest(input.Term));
        if (input.MeddraCode is { } code && code != term.MeddraCode)
            throw new RecordRejectedException("meddra", $"{code} is not the MedDRA code of '{term.Term}' ({term.MeddraCode}).");
        if (!term.HasGrade(input.Grade))
            throw new RecordRejectedException("grade", $"'{term.Term}' has no grade {input.Grade}; its grades are {string.Join(", ", term.ExistingGrades)}.");
        Guards.NotInFuture(input.Onset, today, "onset");
        if (input.Resolved is { } res)
        {
            Guards.NotInFuture(res, today, "resolved");
            if (res < input.Onset)
                throw new RecordRejectedException("resolved", $"{res:yyyy-MM-dd} is before the onset {input.Onset:yyyy-MM-dd}.");
        }
        return term;
    }

    private string Suggest(string text)
    {
        var close = ctcae.Terms.Where(t => t.Term.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase)).Take(5).Select(t => t.Term).ToList();
        return close.Count == 0 ? "." : $"; did you mean: {string.Join(", ", close)}?";
    }
}
