using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Engine.Endpoints;

/// <summary>
/// Something that rides along the endpoint's one pass over the participants (the report's own counts), so that the
/// records are read once: it names the extra collections it needs and is handed each participant's slice in turn.
/// </summary>
internal interface IParticipantPass
{
    /// <summary>Adds the collections beyond the endpoint's own (<see cref="OutcomeReader.Streamed"/>) that <see cref="Take"/> reads.</summary>
    void Stream(ParticipantSlices slices, IRecordReader reader);

    /// <summary>One participant (every registered one, in id order) with its records in the streamed collections.</summary>
    void Take(Participant participant, IRecordReader slice);
}
