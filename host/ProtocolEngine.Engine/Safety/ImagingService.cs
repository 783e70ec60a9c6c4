using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Engine.Reference;
using ProtocolEngine.Engine.Security;

namespace ProtocolEngine.Engine.Safety;

/// <summary>Records imaging findings (radiation myelopathy, fracture with SINS computed from its components).</summary>
public sealed class ImagingService(TrialSession session)
{
    public ImagingFinding Add(string participantId, ImagingInput input)
    {
        Guards.NotInFuture(input.Date, session.TodayFor(participantId), "date");
        var level = SinsCalculator.NormalizeLevel(input.Level, "level");
        SinsInput? sinsInput = null;
        SinsScore? sins = null;
        if (input.Finding == FindingKind.Fracture)
        {
            sinsInput = (input.Sins ?? throw new RecordRejectedException("sins", "A fracture needs the SINS components (pain, bone lesion, alignment, collapse, posterior elements)."))
                with { Level = level };
            sins = SinsCalculator.Score(sinsInput);
        }
        else if (input.Sins is not null)
            throw new RecordRejectedException("sins", "SINS is recorded for a fracture only.");
        return session.Write(Permission.RecordSafety, w =>
        {
            Guards.Randomized(w.Reader, participantId, input.Date, "date");
            return w.Create(new ImagingFinding
            {
                Id = Guards.NextId<ImagingFinding>(w.Reader, participantId, "IMG"), ParticipantId = participantId, Date = input.Date,
                Modality = input.Modality, Finding = input.Finding, Level = level, SinsInput = sinsInput, Sins = sins, Note = input.Note,
                ProtocolHash = session.ProtocolHash,
            }, "imaging-add");
        });
    }
}
