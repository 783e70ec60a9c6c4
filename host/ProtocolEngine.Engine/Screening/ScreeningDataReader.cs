using System.Text.Json;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Engine.Screening;

/// <summary>
/// Reads a stored screening's variables with the same <see cref="ParticipantReader"/> as
/// <c>protocol-engine screen</c>, so both refuse exactly the same data; every problem is named.
/// </summary>
public static class ScreeningDataReader
{
    public static ParticipantData Read(Protocol protocol, IReadOnlyDictionary<string, JsonElement> values)
    {
        var read = new ParticipantReader(protocol).Read(JsonSerializer.SerializeToElement(values));
        if (read.Data is not null)
            return read.Data;
        // The field is the first bad variable ("variables.ecog"); the message lists them all.
        var first = read.Errors[0].Path.TrimStart('$');
        throw new RecordRejectedException("variables" + first, string.Join("; ", read.Errors.Select(e => $"{e.Path.Replace("$", "variables", StringComparison.Ordinal)}: {e.Message}")));
    }
}
