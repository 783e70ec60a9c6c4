using System.Globalization;
using ProtocolEngine.Engine.Audit;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.CrashWriter;

/// <summary>
/// The write a crash test cuts off: <see cref="Size"/> participants, each with its audit entry
/// (through <see cref="AuditedWriter"/>, chained onto the trail already there) and a claimed key, and
/// a meta marker at the end, all in one transaction. Big enough that the store has real work to do
/// while committing it. Also the lines the client prints so that the test knows where it is.
/// </summary>
public static class CrashBatch
{
    public const int Size = 1500;
    public const string User = "crash-writer";
    public const string Site = "crash";
    public const string DoneKey = "crash.done";

    /// <summary>Printed halfway through the write, before the client stops there.</summary>
    public const string PausedSignal = "paused";

    /// <summary>Printed when the write's callback returns, just before the store commits.</summary>
    public const string CommittingSignal = "committing";

    /// <summary>Printed when the store has committed the write.</summary>
    public const string CommittedSignal = "committed";

    public static string Id(int i) => string.Create(CultureInfo.InvariantCulture, $"{Site}-{i:0000}");

    public static string ClaimKey(int i) => string.Create(CultureInfo.InvariantCulture, $"{Site}:{i}");

    /// <summary>Writes the batch through <paramref name="writer"/>, calling <paramref name="halfway"/> when half of it is written.</summary>
    public static void Write(IRecordWriter writer, TimeProvider clock, Action halfway)
    {
        var audited = new AuditedWriter(writer, User, "crash-batch", clock);
        var day = DateOnly.FromDateTime(audited.Now.UtcDateTime);
        for (var i = 1; i <= Size; i++)
        {
            if (i == Size / 2 + 1) halfway();
            audited.Claim(ClaimKey(i));
            audited.Create(new Participant
            {
                Id = Id(i), SiteId = Site, ScreeningNumber = i, Initials = "CW", BirthYear = 1960, Sex = Sex.Other,
                RegisteredOn = day, ProtocolHash = "crash-batch",
            }, "participant-add");
        }
        audited.SetMeta(DoneKey, Size.ToString(CultureInfo.InvariantCulture));
    }
}
