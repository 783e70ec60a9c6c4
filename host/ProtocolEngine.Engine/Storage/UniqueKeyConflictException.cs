namespace ProtocolEngine.Engine.Storage;

/// <summary>A unique key (e.g. one randomization per participant) was already claimed.</summary>
public sealed class UniqueKeyConflictException(string key) : Exception($"The unique key '{key}' is already taken.")
{
    public string Key { get; } = key;
}
