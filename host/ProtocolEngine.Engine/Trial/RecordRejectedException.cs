namespace ProtocolEngine.Engine.Trial;

/// <summary>Input refused by a records service; names the field and says what is allowed. Nothing was written.</summary>
public sealed class RecordRejectedException(string field, string message) : Exception($"{field}: {message}")
{
    public string Field { get; } = field;
}
