using ProtocolEngine.Engine.Security;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Engine.Treatment;

/// <summary>Reads the target volumes defined for a participant at randomization.</summary>
public sealed class TargetVolumeService(TrialSession session)
{
    /// <summary>The participant's target volumes, in lesion order.</summary>
    public IReadOnlyList<TargetVolume> List(string participantId) =>
        session.Read(Permission.ReadRecords, r => r.ForParticipant<TargetVolume>(participantId).OrderBy(t => t.Id.Length).ThenBy(t => t.Id, StringComparer.Ordinal).ToList());
}
