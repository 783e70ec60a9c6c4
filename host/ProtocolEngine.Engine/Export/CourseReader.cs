using ProtocolEngine.Engine.FollowUp;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Engine.Export;

/// <summary>
/// What <see cref="TreatmentService.CourseOf"/> reads for one participant, served from memory: the early
/// stops and vital statuses of the whole trial (small tables, read before) and the fractions of the participant at
/// hand (its run of a fraction scan). The export so computes every course in one pass over the fractions, with the
/// treatment service's own rules, instead of reading each participant anew. Any other read is refused, so a course
/// rule that comes to need more shows here rather than computing a wrong course.
/// </summary>
internal sealed class CourseReader(IReadOnlyDictionary<string, TreatmentStop> stops, IReadOnlyDictionary<string, VitalStatusRecord> vitalStatus) : IRecordReader
{
    private string _participant = "";
    private IReadOnlyList<FractionRecord> _fractions = [];

    /// <summary>Makes <paramref name="fractions"/> the fractions of <paramref name="participantId"/> (and of no one else).</summary>
    public CourseReader For(string participantId, IReadOnlyList<FractionRecord> fractions)
    {
        (_participant, _fractions) = (participantId, fractions);
        return this;
    }

    public T? Find<T>(string id) where T : class, IRecord =>
        typeof(T) == typeof(TreatmentStop) ? (T?)(object?)stops.GetValueOrDefault(id)
        : typeof(T) == typeof(VitalStatusRecord) ? (T?)(object?)vitalStatus.GetValueOrDefault(id)
        : throw Refused($"Find<{typeof(T).Name}>");

    public IReadOnlyList<T> ForParticipant<T>(string participantId) where T : class, IRecord =>
        typeof(T) == typeof(FractionRecord) && participantId == _participant ? (IReadOnlyList<T>)_fractions
        : throw Refused($"ForParticipant<{typeof(T).Name}>('{participantId}')");

    public IReadOnlyList<T> All<T>() where T : class, IRecord => throw Refused($"All<{typeof(T).Name}>");
    public IEnumerable<T> Scan<T>() where T : class, IRecord => throw Refused($"Scan<{typeof(T).Name}>");
    public int Count<T>() where T : class, IRecord => throw Refused($"Count<{typeof(T).Name}>");
    public IEnumerable<AuditEntry> Audit(long fromSequence = 1) => throw Refused("Audit");
    public IReadOnlyList<AuditEntry> AuditOf(string participantId) => throw Refused("AuditOf");
    public string? GetMeta(string key) => throw Refused("GetMeta");

    private static NotSupportedException Refused(string read) =>
        new($"The export computes courses from fractions, stops and vital statuses only; the course rules now read {read}: give the export's CourseReader that too.");
}
