namespace ProtocolEngine.Engine.Dose;

/// <summary>
/// The linear-quadratic model: biologically effective dose and the equivalent dose in 2 Gy
/// fractions. BED = n d (1 + d / (alpha/beta)); EQD2 = BED / (1 + 2 / (alpha/beta)).
/// </summary>
public static class LinearQuadratic
{
    public static double Bed(int fractions, double dosePerFractionGy, double alphaBetaGy)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(alphaBetaGy);
        return fractions * dosePerFractionGy * (1 + dosePerFractionGy / alphaBetaGy);
    }

    public static double Eqd2(int fractions, double dosePerFractionGy, double alphaBetaGy) =>
        Bed(fractions, dosePerFractionGy, alphaBetaGy) / (1 + 2 / alphaBetaGy);
}
