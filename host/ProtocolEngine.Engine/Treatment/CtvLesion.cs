using ProtocolEngine.Contracts.Plugins;

namespace ProtocolEngine.Engine.Treatment;

/// <summary>One lesion as the screening recorded it: level, GTV sectors, where within the vertebral body it lies, epidural involvement.</summary>
public sealed record CtvLesion(string Level, IReadOnlyList<int> Sectors, VertebralBodyExtent? VbExtent, bool Epidural);
