namespace ProtocolEngine.Contracts.Rules;

/// <summary>Thrown inside a rule that ran past its evaluation's time limit (an endless loop, say).</summary>
public sealed class RuleTimeoutException(TimeSpan limit)
    : Exception($"the rule ran longer than its time limit of {limit.TotalMilliseconds:0.#} ms (an endless loop?)")
{
    /// <summary>The limit that was exceeded.</summary>
    public TimeSpan Limit { get; } = limit;
}
