namespace ProtocolEngine.Tests.Storage.Conformance;

/// <summary>The suite's own record type: every kind of value RecordJson writes, and collections a caller could change after saving.</summary>
public sealed record SampleRecord : IRecord
{
    public static string Collection => "conformance_samples";
    public string Id { get; init; } = "";
    public string? ParticipantId { get; init; }
    public int Position { get; init; }
    public string Text { get; init; } = "";
    public decimal Amount { get; init; }
    public double Ratio { get; init; }
    public DateOnly Day { get; init; }
    public DateTimeOffset At { get; init; }
    public DayOfWeek Weekday { get; init; }
    public string? Missing { get; init; }
    public List<string> Tags { get; init; } = [];
    public Dictionary<string, int> Counts { get; init; } = [];
}
