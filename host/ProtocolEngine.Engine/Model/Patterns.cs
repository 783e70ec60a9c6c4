namespace ProtocolEngine.Engine.Model;

/// <summary>Regular expressions shared by the model's attributes and the JSON Schema.</summary>
public static class Patterns
{
    /// <summary>Lowercase identifier with '-' (protocol ids, site ids).</summary>
    public const string Slug = "^[a-z0-9][a-z0-9-]*$";

    /// <summary>A variable name usable as a C# identifier in rules: lowercase snake_case.</summary>
    public const string Identifier = "^[a-z][a-z0-9_]*$";

    /// <summary>Ids of criteria, arms, visits, endpoints: letters, digits, '_', '-', '.'.</summary>
    public const string Id = "^[A-Za-z][A-Za-z0-9_.-]*$";

    /// <summary>Trial phases as registries write them.</summary>
    public const string Phase = "^(0|I|I/II|II|II/III|III|IV)$";
}
