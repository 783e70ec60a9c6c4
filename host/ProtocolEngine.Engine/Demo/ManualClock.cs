namespace ProtocolEngine.Engine.Demo;

/// <summary>A clock the demo moves through the simulated trial.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;
    public override DateTimeOffset GetUtcNow() => Now;
    /// <summary>Noon UTC of <paramref name="date"/>: the same date at every site from UTC-12 to UTC+11, the next at most.</summary>
    public void Set(DateOnly date) => Now = new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
}
