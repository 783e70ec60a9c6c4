using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.FollowUp;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Randomization;
using ProtocolEngine.Engine.Storage;
using ProtocolEngine.Engine.Roster;

namespace ProtocolEngine.Engine.Trial;

/// <summary>Checks shared by the record services; each names the field it refuses.</summary>
public static class Guards
{
    public static Participant Participant(IRecordReader r, string participantId) =>
        r.Find<Participant>(participantId)
        ?? throw new RecordRejectedException("participant", $"No participant '{participantId}' in this database."
            + (SameIdWritten(participantId, ParticipantRoster.KnownIds(r)) is { } near ? $" Did you mean '{near}'?" : "")
            + " `protocol-engine participant list` shows them all.");

    /// <summary>
    /// The one id that <paramref name="typed"/> is another way of writing: the same letters and numbers, ignoring case,
    /// separators and leading zeros (<c>MCH-1</c>, <c>mch1</c>, <c>mch-01</c> for <c>mch-001</c>). Never an id that differs
    /// in a letter or a digit: a hint must not point a coordinator at another patient's record.
    /// </summary>
    internal static string? SameIdWritten(string typed, IEnumerable<string> ids)
    {
        var key = IdKey(typed);
        var matches = ids.Where(id => IdKey(id) == key).Take(2).ToList();
        return matches.Count == 1 && matches[0] != typed ? matches[0] : null;
    }

    private static string IdKey(string id) =>
        System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Replace(id.ToLowerInvariant(), "[^a-z0-9]", ""), "(?<![0-9])0+(?=[0-9])", "");

    /// <summary>The participant's randomization; refuses a participant not randomized or withdrawn before <paramref name="date"/>.</summary>
    public static RandomizationRecord Randomized(IRecordReader r, string participantId, DateOnly date, string dateField)
    {
        var p = Participant(r, participantId);
        var rand = r.ForParticipant<RandomizationRecord>(participantId).SingleOrDefault()
            ?? throw new RecordRejectedException("participant", $"Participant '{participantId}' is not randomized (status {Text(p.Status)}).");
        if (date < rand.RandomizedOn)
            throw new RecordRejectedException(dateField, $"{date:yyyy-MM-dd} is before the randomization of '{participantId}' on {rand.RandomizedOn:yyyy-MM-dd}.");
        if (r.ForParticipant<Withdrawal>(participantId).FirstOrDefault() is { } w && date > w.Date)
            throw new RecordRejectedException(dateField, $"{date:yyyy-MM-dd} is after '{participantId}' withdrew on {w.Date:yyyy-MM-dd}.");
        FollowUpOpen(r, participantId, date, dateField);
        return rand;
    }

    /// <summary>The participant's vital status record, if one was set.</summary>
    public static VitalStatusRecord? VitalStatus(IRecordReader r, string participantId) => r.Find<VitalStatusRecord>(VitalStatusId(participantId));

    public static string VitalStatusId(string participantId) => $"{participantId}-VS";

    /// <summary>Refuses clinical data dated after a death, or after a loss to follow-up that was not corrected.</summary>
    public static void FollowUpOpen(IRecordReader r, string participantId, DateOnly date, string dateField)
    {
        switch (VitalStatus(r, participantId))
        {
            case { Status: FollowUp.VitalStatus.Died } d when date > d.Date:
                throw new RecordRejectedException(dateField, $"{date:yyyy-MM-dd} is after the death of '{participantId}' on {d.Date:yyyy-MM-dd}; no clinical data dated after a death is accepted.");
            case { Status: FollowUp.VitalStatus.LostToFollowUp } l when date > l.Date:
                throw new RecordRejectedException(dateField, $"{date:yyyy-MM-dd} is after '{participantId}' was lost to follow-up on {l.Date:yyyy-MM-dd}; "
                    + "if they were reached again, first set their status to alive (with the date of contact and a reason).");
        }
    }

    /// <summary>The protocol's site a participant was registered at.</summary>
    public static Site Site(Protocol protocol, string siteId) => protocol.Sites.FirstOrDefault(s => s.Id == siteId)
        ?? throw new RecordRejectedException("site", $"Site '{siteId}' is no longer in the protocol.");

    public static void NotInFuture(DateOnly date, DateOnly today, string field)
    {
        if (date > today)
            throw new RecordRejectedException(field, $"{date:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd}).");
    }

    public static void InRange(double value, double min, double max, string field)
    {
        if (double.IsNaN(value) || value < min || value > max)
            throw new RecordRejectedException(field, $"{value} is outside the allowed range {min}-{max}.");
    }

    public static string Text<T>(T value) where T : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static string NextId<T>(IRecordReader r, string participantId, string prefix) where T : class, IRecord =>
        $"{participantId}-{prefix}{r.ForParticipant<T>(participantId).Count + 1}";
}
