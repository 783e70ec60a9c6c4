using System.Text.Json.Serialization;
using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Engine.Storage;

/// <summary>
/// Serialization metadata for the protocol model made at build time (System.Text.Json's source generator), so a
/// command does not build it by reflection on every start: every records command serializes the whole protocol
/// once to name its version (<see cref="Trial.ProtocolFingerprint"/>). Used through <see cref="RecordJson.Options"/>,
/// which keeps its naming policy and converters, so the text is the same as reflection makes (a test compares them).
/// </summary>
[JsonSerializable(typeof(Protocol))]
internal sealed partial class ModelJsonContext : JsonSerializerContext;
