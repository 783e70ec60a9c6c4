namespace ProtocolEngine.Engine.Demo;

/// <summary>A clock the demo moves through the simulated trial.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;
    public override DateTimeOffset GetUtcNow() => Now;
    public void Set(DateOnly date) => Now = new DateTimeOffset(date.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);
}
