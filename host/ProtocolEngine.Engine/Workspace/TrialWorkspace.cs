using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Randomization;
using ProtocolEngine.Engine.Screening;
using ProtocolEngine.Engine.Security;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Engine.Workspace;

/// <summary>
/// The in-process <see cref="ITrialWorkspace"/>: each call is one engine service call (or one read) on the session.
/// Split by concern: the dashboard, the participant list and page, the screening form, randomization.
/// </summary>
/// <param name="session">The authenticated session on the trial database.</param>
/// <param name="evaluator">The protocol's compiled rules (as `protocol-engine screen` uses them).</param>
/// <param name="allocator">Builds the protocol's allocator when a participant is randomized.</param>
/// <param name="targets">The arms' CTV selector (target volumes at randomization), or null.</param>
/// <param name="owned">What the workspace closes when it is disposed (the store), or null.</param>
public sealed partial class TrialWorkspace(TrialSession session, IScreeningEvaluator evaluator, Func<IAllocator> allocator, ICtvSelector? targets = null,
    IDisposable? owned = null) : ITrialWorkspace
{
    public WorkspaceInfo Info => new()
    {
        ProtocolId = session.Protocol.Id,
        ProtocolTitle = session.Protocol.Title is { Length: > 0 } title ? title : session.Protocol.Id,
        DatabasePath = session.Store.Location,
        UserId = session.User.Id,
        Role = Loading.Naming.EnumValue(session.User.Role),
        CanRegister = RolePolicy.Allows(session.User.Role, Permission.RegisterParticipant),
        CanScreen = RolePolicy.Allows(session.User.Role, Permission.Screen),
        CanRandomize = RolePolicy.Allows(session.User.Role, Permission.Randomize) && session.Protocol.Randomization is not null,
        Writable = session.PendingChanges.Count == 0,
        PendingChanges = session.PendingChanges,
        Sites = [.. session.Protocol.Sites.Select(s => new SiteOption(s.Id, s.Name))],
        Today = session.Today,
    };

    public ParticipantRow Register(RegistrationRequest request)
    {
        if (!Enum.TryParse<Sex>(request.Sex, ignoreCase: true, out var sex) || !Enum.IsDefined(sex))
            throw new RecordRejectedException("sex", $"'{request.Sex}' is not a sex; write female, male or other.");
        var p = new ParticipantService(session).Register(request.SiteId, null, request.Initials, request.BirthDate.Year, sex, request.ConsentedOn, request.BirthDate);
        return Row(p);
    }

    public void Dispose() => owned?.Dispose();

    internal static ParticipantRow Row(Participant p) =>
        new(p.Id, p.SiteId, p.Initials, Guards.Text(p.Sex), p.BirthYear, Guards.Text(p.Status), p.RegisteredOn, p.ConsentedOn);

    private string ArmName(string armId) => session.Protocol.Arms.FirstOrDefault(a => a.Id == armId)?.Name ?? armId;

    private AllocationResult Allocation(RandomizationRecord r) =>
        new(r.ParticipantId, r.ArmId, ArmName(r.ArmId), r.StratumKey, r.ListPosition, r.RandomizedOn, r.RandomizedBy);

    internal static CriterionRow Criterion(Model.Protocol protocol, CriterionVerdict v)
    {
        var text = protocol.Criteria.Inclusion.Concat(protocol.Criteria.Exclusion).Concat(protocol.Criteria.Dropout)
            .FirstOrDefault(c => c.Id == v.CriterionId)?.Text ?? "";
        var reason = v.Verdict switch
        {
            Verdict.Unknown when v.MissingVariables.Count > 0 => "missing: " + string.Join(", ", v.MissingVariables),
            _ => v.Message ?? "",
        };
        var excludes = (v.Kind == CriterionKind.Inclusion && v.Verdict == Verdict.NotMet) || (v.Kind == CriterionKind.Exclusion && v.Verdict == Verdict.Met);
        return new CriterionRow(v.CriterionId, VerdictNames.Of(v.Kind), text, VerdictNames.Of(v.Verdict), reason, excludes);
    }
}
