using ProtocolEngine.Engine.Rules;

namespace ProtocolEngine.Rules.Roslyn;

/// <summary>The C# the generator wrote for a protocol, with the places of the author's text in it.</summary>
public sealed record GeneratedSource(string Text, IReadOnlyList<RuleSegment> Segments)
{
    /// <summary>The namespace and class of the participant the engine creates from the image (<see cref="RuleImage"/>).</summary>
    public const string Namespace = RuleImage.Namespace;
    public const string ParticipantClass = RuleImage.ParticipantClass;

    public RuleSegment? SegmentAt(int position) => Segments.FirstOrDefault(s => s.Contains(position));
}
