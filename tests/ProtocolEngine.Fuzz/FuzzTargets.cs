namespace ProtocolEngine.Fuzz;

/// <summary>The harnesses by name: <c>yaml</c>, <c>participant</c>, <c>cli</c>.</summary>
public static class FuzzTargets
{
    /// <summary>Every target's name, in the order the long runs take them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["yaml", "participant", "cli"];

    /// <summary>Creates the named target (each sets up its own throwaway folder); null for an unknown name.</summary>
    public static IFuzzTarget? Create(string name) => name switch
    {
        "yaml" => new YamlLoaderTarget(),
        "participant" => new ParticipantDataTarget(),
        "cli" => new CommandLineTarget(),
        _ => null,
    };
}
