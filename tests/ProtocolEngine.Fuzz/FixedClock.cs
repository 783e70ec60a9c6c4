namespace ProtocolEngine.Fuzz;

/// <summary>A clock stopped at one instant, so that an input means the same on every run.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => now;
}
