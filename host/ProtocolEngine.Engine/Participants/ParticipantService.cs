using System.Globalization;
using System.Text.RegularExpressions;
using ProtocolEngine.Engine.Screening;
using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Engine.Storage;
using ProtocolEngine.Engine.Security;
using ProtocolEngine.Engine.Roster;

namespace ProtocolEngine.Engine.Participants;

/// <summary>Registers participants at the protocol's sites with minimal identifying data.</summary>
public sealed partial class ParticipantService(TrialSession session)
{
    [GeneratedRegex("^[A-Z]{1,4}$")]
    private static partial Regex InitialsPattern();

    public Participant Register(string siteId, int? screeningNumber, string initials, int birthYear, Sex sex, DateOnly? consentedOn, DateOnly? birthDate = null)
    {
        var today = session.TodayAt(siteId);
        if (birthDate is { } born)
        {
            if (born.Year != birthYear)
                throw new RecordRejectedException("birth-date", $"{born:yyyy-MM-dd} is not in the birth year {birthYear}.");
            Guards.NotInFuture(born, today, "birth-date");
        }
        if (session.Protocol.Sites.All(s => s.Id != siteId))
            throw new RecordRejectedException("site", $"'{siteId}' is not a site of the protocol; sites: {string.Join(", ", session.Protocol.Sites.Select(s => s.Id))}.");
        if (!InitialsPattern().IsMatch(initials))
            throw new RecordRejectedException("initials", $"'{initials}' must be 1-4 capital letters (no full names are stored).");
        Guards.InRange(birthYear, 1900, today.Year, "birth-year");
        if (consentedOn is { } c) Guards.NotInFuture(c, today, "consent-date");
        if (screeningNumber is < 1 or > 99999)
            throw new RecordRejectedException("screening-number", $"{screeningNumber} must be between 1 and 99999.");
        return session.Write(Permission.RegisterParticipant, w =>
        {
            var counter = $"count:screening-number:{siteId}";
            int number;
            try
            {
                if (screeningNumber is { } chosen)
                {
                    number = chosen;
                    w.Claim($"participant:{siteId}:{chosen}");
                    RecordCounter.Raise(w, counter, chosen);
                }
                else
                    number = RecordCounter.Next(w, counter, r => HighestNumber(r, siteId), n => w.Claim($"participant:{siteId}:{n}"));
            }
            catch (UniqueKeyConflictException ex)
            {
                throw new RecordRejectedException("screening-number", $"Site '{siteId}' already has screening number {ex.Key[(ex.Key.LastIndexOf(':') + 1)..]}.");
            }
            return w.Create(new Participant
            {
                Id = string.Create(CultureInfo.InvariantCulture, $"{siteId}-{number:000}"), SiteId = siteId, ScreeningNumber = number,
                Initials = initials, BirthYear = birthYear, BirthDate = birthDate, Sex = sex, ConsentedOn = consentedOn,
                RegisteredOn = today, ProtocolHash = session.ProtocolHash,
            }, "participant-add");
        });
    }

    public Participant RecordConsent(string participantId, DateOnly date, string? reason)
    {
        Guards.NotInFuture(date, session.TodayFor(participantId), "consent-date");
        return session.Write(Permission.RegisterParticipant, w =>
        {
            var p = Guards.Participant(w.Reader, participantId);
            var screened = w.Reader.ForParticipant<ScreeningRecord>(participantId).Select(s => (DateOnly?)s.ScreenedOn).Min();
            if (screened is { } first && date > first)
                throw new RecordRejectedException("date", $"{date:yyyy-MM-dd} is after the first screening of '{participantId}' ({first:yyyy-MM-dd}); consent comes before screening.");
            Guards.FollowUpOpen(w.Reader, participantId, date, "date");
            return w.Change(p, p with { ConsentedOn = date }, "consent", p.ConsentedOn is null ? reason ?? "informed consent signed" : reason);
        });
    }

    private static int HighestNumber(IRecordReader r, string siteId) =>
        r.Scan<Participant>().Where(p => p.SiteId == siteId).Select(p => p.ScreeningNumber).DefaultIfEmpty(0).Max();

    /// <summary>Every participant in ordinal id order: from the roster when it is current (a few documents), else from the records.</summary>
    public IReadOnlyList<Participant> List() => session.Read(Permission.ReadRecords, r =>
        new ParticipantRoster(session).Read(r) is { } roster ? [.. roster.Select(e => e.Participant)] : r.All<Participant>());

    /// <summary>One participant and the arm allocated (null before randomization).</summary>
    public (Participant Participant, string? ArmId) Show(string participantId) => session.Read(Permission.ReadRecords, r =>
        (Guards.Participant(r, participantId), r.ForParticipant<Randomization.RandomizationRecord>(participantId).FirstOrDefault()?.ArmId));
}
