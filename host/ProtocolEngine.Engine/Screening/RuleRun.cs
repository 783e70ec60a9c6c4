using ProtocolEngine.Contracts.Rules;

namespace ProtocolEngine.Engine.Screening;

/// <summary>One rule run under its time limit, in whichever process holds the participant: its outcome and why.</summary>
internal static class RuleRun
{
    public static RuleOutcome Outcome(RuleParticipant participant, int rule, long limitTimestampTicks)
    {
        RuleGuard.Begin(limitTimestampTicks);
        try
        {
            return RuleOutcome.Of(participant.Evaluate(rule) ? Verdict.Met : Verdict.NotMet);
        }
        catch (MissingValueException ex)
        {
            return new RuleOutcome(Verdict.Unknown, Missing(participant, rule, ex), null);
        }
        catch (Exception ex)
        {
            return RuleOutcome.Error(Message(ex));
        }
    }

    /// <summary>The variables the rule reads (directly or through derived fields) that have no value.</summary>
    public static List<string> Missing(RuleParticipant participant, int rule, MissingValueException signal)
    {
        var ids = participant.VariableIds;
        var missing = participant.References(rule).Where(i => !participant.Has(i)).Select(i => ids[i]).ToList();
        if (!missing.Contains(signal.Variable))
            missing.Add(signal.Variable);
        return missing;
    }

    public static string Message(Exception ex) => ex switch
    {
        RuleTimeoutException or InsufficientExecutionStackException => ex.Message,
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };
}
