namespace ProtocolEngine.Engine.Rules;

/// <summary>The C# the generator wrote for a protocol, with the places of the author's text in it.</summary>
public sealed record GeneratedSource(string Text, IReadOnlyList<RuleSegment> Segments)
{
    public const string Namespace = "ProtocolEngine.Generated";
    public const string ParticipantClass = "ProtocolParticipant";

    public RuleSegment? SegmentAt(int position) => Segments.FirstOrDefault(s => s.Contains(position));
}
