namespace ProtocolEngine.Engine.Rules;

/// <summary>
/// What a compiled rule assembly holds for the engine to use it: the public participant class, derived
/// from <see cref="Contracts.Rules.RuleParticipant"/> with a parameterless constructor. A compiler
/// (<see cref="IRuleCompiler"/>) writes it under these names; <see cref="ProtocolRules"/> creates it,
/// from a fresh compile or from the cache, knowing nothing of the compiler.
/// </summary>
public static class RuleImage
{
    public const string Namespace = "ProtocolEngine.Generated";
    public const string ParticipantClass = "ProtocolParticipant";

    /// <summary>The participant class's full name.</summary>
    public const string ParticipantType = Namespace + "." + ParticipantClass;
}
