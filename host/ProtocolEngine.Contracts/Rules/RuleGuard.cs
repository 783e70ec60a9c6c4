using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace ProtocolEngine.Contracts.Rules;

/// <summary>
/// The budget check the rule compiler writes into every loop body, lambda and method of a rule or
/// script. A tick is a counter decrement; the clock is read only every <see cref="TicksPerClockRead"/>
/// ticks. The deadline starts at the first clock read, so a rule that never loops much never reads
/// the clock at all. State is per thread: evaluations on different threads do not share a budget.
/// </summary>
public static class RuleGuard
{
    /// <summary>Ticks between two reads of the clock.</summary>
    public const int TicksPerClockRead = 1024;

    [ThreadStatic] private static int t_countdown;
    [ThreadStatic] private static long t_deadline;
    [ThreadStatic] private static long t_limit;

    /// <summary>Starts the budget of one rule evaluation on this thread; zero or negative disables it.</summary>
    public static void Begin(TimeSpan limit) => Begin(ToTimestampTicks(limit));

    /// <summary>Starts the budget with a limit already converted by <see cref="ToTimestampTicks"/> (no arithmetic per rule).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Begin(long limitTimestampTicks)
    {
        t_limit = limitTimestampTicks;
        t_deadline = 0;
        t_countdown = TicksPerClockRead;
    }

    /// <summary>A limit in <see cref="Stopwatch"/> ticks; zero (no limit) for zero or negative.</summary>
    public static long ToTimestampTicks(TimeSpan limit) =>
        limit <= TimeSpan.Zero ? 0 : (long)(limit.TotalSeconds * Stopwatch.Frequency);

    /// <summary>One unit of work (a loop iteration).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Tick()
    {
        if (--t_countdown <= 0)
            ReadClock();
    }

    /// <summary>Entry into a method or lambda: a tick plus a stack-depth check, so deep recursion fails instead of crashing the process.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Enter()
    {
        if (--t_countdown <= 0)
            ReadClock();
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw new InsufficientExecutionStackException("the rule recursed too deeply");
    }

    /// <summary>
    /// Called by guarded loops every <see cref="TicksPerClockRead"/> iterations (they count in a
    /// local, which is cheaper than a thread-static counter): checks the clock.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Lap()
    {
        if (t_limit == 0)
            return;
        var now = Stopwatch.GetTimestamp();
        if (t_deadline == 0)
            t_deadline = now + t_limit;
        else if (now > t_deadline)
            throw new RuleTimeoutException(TimeSpan.FromSeconds((double)t_limit / Stopwatch.Frequency));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ReadClock()
    {
        t_countdown = TicksPerClockRead;
        Lap();
    }
}
