using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Security;
using ProtocolEngine.Engine.Audit;
using ProtocolEngine.Tests.Records.Support;

namespace ProtocolEngine.Tests.Records;

public class AmendmentTests
{
    private static Protocol Amended(Protocol p) => p with
    {
        Version = "1.1",
        Visits = [.. p.Visits.Select(v => v.Id == "week2" ? v with { Window = new VisitWindow { BeforeDays = 3, AfterDays = 7 } } : v)],
    };

    [Fact]
    public void An_edited_protocol_shows_its_changes_and_blocks_new_records_until_an_administrator_accepts_it()
    {
        using var t = new TrialFixture();
        var p = t.Enrol();
        var amended = Amended(t.Protocol);
        var coordinator = t.As("coordinator", amended);
        Assert.Contains("changed /version: \"1.0\" -> \"1.1\"", coordinator.PendingChanges);
        Assert.Contains("changed /visits/1/window/after_days: 3 -> 7", coordinator.PendingChanges);
        Assert.Throws<AmendmentPendingException>(() => new ParticipantService(coordinator).Register("mch", null, "XY", 1970, Sex.Male, null));
        Assert.Single(new ParticipantService(coordinator).List());
        Assert.Throws<AccessDeniedException>(() => new AmendmentService(coordinator).Accept("ethics approval 2026-12"));
        var admin = t.As("admin", amended);
        Assert.Equal("reason", Assert.Throws<RecordRejectedException>(() => new AmendmentService(admin).Accept("")).Field);
        var version = new AmendmentService(admin).Accept("ethics approval 2026-12");
        Assert.Equal(2, version.Number);
        var after = t.As("coordinator", amended);
        Assert.Empty(after.PendingChanges);
        var q = new ParticipantService(after).Register("mch", null, "XY", 1970, Sex.Male, null);
        Assert.Equal(after.ProtocolHash, q.ProtocolHash);
        Assert.NotEqual(q.ProtocolHash, t.Store.Read(r => r.Find<Participant>(p.Id))!.ProtocolHash);
        Assert.NotEmpty(t.As("coordinator").PendingChanges);
        Assert.Empty(new AuditService(after).Verify());
    }
}
