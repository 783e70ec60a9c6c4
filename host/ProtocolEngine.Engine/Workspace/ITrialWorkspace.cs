namespace ProtocolEngine.Engine.Workspace;

/// <summary>
/// The trial as one coarse service, for the terminal UI (and later the CLI and a remote client): every
/// call takes and returns plain, serializable records, holds no open state between calls, and checks the
/// user's role exactly as the engine's services do (they do the work). Refused input throws the engine's
/// <see cref="Trial.RecordRejectedException"/>; a role without the permission, <see cref="Security.AccessDeniedException"/>.
/// </summary>
public interface ITrialWorkspace : IDisposable
{
    /// <summary>The protocol, the database and the signed-in user with what their role allows.</summary>
    WorkspaceInfo Info { get; }

    /// <summary>Enrolment, screening, today's fractions, visits due and open severe adverse events, as of today.</summary>
    DashboardSummary Dashboard();

    /// <summary>One page of the participants that match the query, in id order, with the number that match.</summary>
    ParticipantListPage Participants(ParticipantQuery query);

    /// <summary>Up to <paramref name="limit"/> participant ids starting with <paramref name="prefix"/> (case-insensitive), for completion.</summary>
    /// <param name="prefix">What was typed so far.</param>
    /// <param name="limit">How many ids to return at most.</param>
    IReadOnlyList<string> ParticipantIds(string prefix, int limit);

    /// <summary>Everything about one participant, per section of their page.</summary>
    ParticipantPage Participant(string participantId);

    /// <summary>Registers a participant (the next free screening number at the site).</summary>
    ParticipantRow Register(RegistrationRequest request);

    /// <summary>The screening form of a participant: one field per declared variable, pre-filled from their last screening.</summary>
    ScreeningForm ScreeningForm(string participantId);

    /// <summary>Checks the values as typed and evaluates the criteria on those that are valid; nothing is stored.</summary>
    ScreeningCheck CheckScreening(ScreeningRequest request);

    /// <summary>Stores a screening of the values (every value must be valid) and returns its verdicts.</summary>
    ScreeningCheck Screen(ScreeningRequest request);

    /// <summary>What randomizing the participant would use: eligibility, strata, whether it may go ahead.</summary>
    RandomizationPreview PreviewRandomization(string participantId);

    /// <summary>Randomizes the participant (once) today and returns the allocation.</summary>
    AllocationResult Randomize(string participantId);
}
