namespace ProtocolEngine.Engine.Dose;

/// <summary>A schedule's BED and EQD2 at one alpha/beta (linear-quadratic).</summary>
public sealed record DoseSchedule(double TotalGy, int Fractions, double AlphaBetaGy, double Bed, double Eqd2)
{
    /// <summary>The LQ figures of <paramref name="totalGy"/> in <paramref name="fractions"/> equal fractions at <paramref name="alphaBetaGy"/>.</summary>
    public static DoseSchedule Of(double totalGy, int fractions, double alphaBetaGy)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fractions);
        ArgumentOutOfRangeException.ThrowIfNegative(totalGy);
        var d = totalGy / fractions;
        return new DoseSchedule(totalGy, fractions, alphaBetaGy, LinearQuadratic.Bed(fractions, d, alphaBetaGy), LinearQuadratic.Eqd2(fractions, d, alphaBetaGy));
    }
}
