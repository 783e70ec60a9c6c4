using ProtocolEngine.Engine.FollowUp;

namespace ProtocolEngine.Engine.Demo;

internal sealed partial class DemoParticipant
{
    /// <summary>Of the protocol's expected drop-out (statistics.dropout_rate), the share that are deaths; the rest are losses to follow-up.</summary>
    private const double DeathShare = 0.6;

    /// <summary>Withdrawals under a drop-out criterion, besides deaths and losses.</summary>
    private const double WithdrawalRate = 0.03;

    /// <summary>Mean days from the start of radiotherapy to a death, and from its end to a loss: most happen in the first months.</summary>
    private const double MeanDaysToDeath = 150, MeanDaysToLoss = 200;

    /// <summary>
    /// How follow-up ends early, if it does: a death (about 85% from the disease) or a loss to
    /// follow-up at the protocol's drop-out rate between them, or a withdrawal; each dated within the
    /// participant's follow-up, earlier more often than later.
    /// </summary>
    private (DateOnly Date, Action Run)? Exit(DemoCourse? course, DateOnly followUpEnd)
    {
        var dropout = Protocol.Statistics.DropoutRate;
        var u = Random.NextDouble();
        var treated = course?.End ?? randomized;
        if (u < dropout * DeathShare)
        {
            // From the third day of radiotherapy on: a death during the course stops it (the vital status service records the stop).
            var date = Within((course?.Start ?? randomized).AddDays(3), MeanDaysToDeath, followUpEnd);
            var cause = Random.NextDouble() < 0.85 ? DeathCause.Disease : DeathCause.Other;
            return (date, () => new VitalStatusService(context.Coordinator).Set(id, VitalStatus.Died, date, cause, null));
        }
        if (u < dropout)
        {
            var date = Within(treated.AddDays(14), MeanDaysToLoss, followUpEnd);
            return (date, () => new VitalStatusService(context.Coordinator).Set(id, VitalStatus.LostToFollowUp, date, null, null));
        }
        if (u < dropout + WithdrawalRate && Protocol.Criteria.Dropout.Count > 0)
        {
            var date = treated.AddDays(Random.Next(20, 300));
            var criterion = Protocol.Criteria.Dropout[Random.Next(Protocol.Criteria.Dropout.Count)].Id;
            return (date, () => new WithdrawalService(context.Investigator).Withdraw(id, criterion, date, "synthetic drop-out"));
        }
        return null;
    }

    /// <summary>A date from <paramref name="from"/> an exponential number of days on, drawn again evenly when it falls after the end of follow-up.</summary>
    private DateOnly Within(DateOnly from, double meanDays, DateOnly end)
    {
        var span = Math.Max(1, end.DayNumber - from.DayNumber);
        var days = (int)(-meanDays * Math.Log(1 - Random.NextDouble()));
        return from.AddDays(days < span ? days : Random.Next(0, span));
    }
}
