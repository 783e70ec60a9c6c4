namespace ProtocolEngine.Engine.Storage;

/// <summary>
/// Several collections streamed side by side in participant order (<see cref="IRecordReader.Scan{T}"/> gives each
/// ordered by participant id), handing out one participant's records at a time as a reader. A question over every
/// participant (the visits due on a day) then reads each collection once, in order, instead of looking up each
/// participant's documents one by one; and holds one participant's records at a time, never the trial.
/// Participants must be asked for in ascending ordinal order of their ids.
/// </summary>
public sealed class ParticipantSlices
{
    private readonly Dictionary<Type, ISlicer> _slicers = [];
    private string? _last;

    /// <summary>Adds a collection to stream; the readers <see cref="For"/> gives serve it and refuse any other.</summary>
    public ParticipantSlices With<T>(IRecordReader reader) where T : class, IRecord
    {
        _slicers[typeof(T)] = new Slicer<T>(reader.Scan<T>().GetEnumerator());
        return this;
    }

    /// <summary>The records of <paramref name="participantId"/> in every streamed collection, as a reader of that participant alone.</summary>
    public IRecordReader For(string participantId)
    {
        if (_last is not null && string.CompareOrdinal(participantId, _last) <= 0)
            throw new InvalidOperationException($"Participants must come in ascending id order: '{participantId}' after '{_last}'.");
        _last = participantId;
        var slice = new Dictionary<Type, object>(_slicers.Count);
        foreach (var (type, slicer) in _slicers) slice[type] = slicer.Take(participantId);
        return new SliceReader(participantId, slice);
    }

    private interface ISlicer
    {
        object Take(string participantId);
    }

    private sealed class Slicer<T>(IEnumerator<T> records) : ISlicer where T : class, IRecord
    {
        private bool _started, _more;

        public object Take(string participantId)
        {
            if (!_started) (_started, _more) = (true, records.MoveNext());
            var slice = new List<T>();
            while (_more && string.CompareOrdinal(records.Current.ParticipantId ?? "", participantId) < 0) _more = records.MoveNext();
            while (_more && records.Current.ParticipantId == participantId)
            {
                slice.Add(records.Current);
                _more = records.MoveNext();
            }
            return slice;
        }
    }

    /// <summary>One participant's records of the streamed collections; anything else is refused, never answered as empty.</summary>
    private sealed class SliceReader(string participantId, Dictionary<Type, object> slice) : IRecordReader
    {
        private List<T> Of<T>() where T : class, IRecord => slice.TryGetValue(typeof(T), out var records)
            ? (List<T>)records
            : throw new InvalidOperationException($"The {T.Collection} collection was not streamed for this question; add it with ParticipantSlices.With<{typeof(T).Name}>.");

        public IReadOnlyList<T> ForParticipant<T>(string id) where T : class, IRecord => id == participantId
            ? Of<T>()
            : throw new InvalidOperationException($"This reader holds the records of '{participantId}', not of '{id}'.");

        public T? Find<T>(string id) where T : class, IRecord =>
            id == participantId || id.StartsWith(participantId + "-", StringComparison.Ordinal)
                ? Of<T>().FirstOrDefault(r => r.Id == id)
                : throw new InvalidOperationException($"This reader holds the records of '{participantId}'; '{id}' is not one of its ids.");

        public IReadOnlyList<T> All<T>() where T : class, IRecord => throw Whole();
        public IEnumerable<T> Scan<T>() where T : class, IRecord => throw Whole();
        public int Count<T>() where T : class, IRecord => throw Whole();
        public IEnumerable<AuditEntry> Audit(long fromSequence = 1) => throw Whole();
        public IReadOnlyList<AuditEntry> AuditOf(string id) => throw Whole();
        public string? GetMeta(string key) => throw Whole();

        private static InvalidOperationException Whole() => new("A participant's slice answers questions about that participant only.");
    }
}
