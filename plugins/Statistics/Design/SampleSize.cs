using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Plugins.Statistics.Checks;

namespace ProtocolEngine.Plugins.Statistics.Design;

/// <summary>Sample size of the non-inferiority design: evaluable per arm, then the enrolment inflated for loss to follow-up.</summary>
internal static class SampleSize
{
    private const int MaxControl = 10_000_000;

    public static SampleSizeResult Of(NonInferiorityDesign d)
    {
        var kappa = d.AllocationRatio;
        int n2;
        string method;
        if (Methods.Of(d) == Methods.ChowShaoWang)
        {
            n2 = CeilingOf(NormalPower.ControlSizeChowShaoWang(d.ExperimentalRate, d.ControlRate, d.Margin, d.Alpha, d.Power, kappa));
            method = "normal approximation, unpooled variance (Chow, Shao and Wang 2008, section 4.2)";
        }
        else
        {
            // The score test's power has no closed-form inverse: the smallest control size whose power reaches the target.
            n2 = 1;
            while (NormalPower.Of(d, Experimental(n2, kappa), n2) < d.Power)
            {
                if (++n2 > MaxControl)
                    throw new ArgumentException($"no control arm up to {MaxControl} reaches power {Arguments.F(d.Power)}; check the rates and the margin.");
            }
            method = "normal approximation of the Farrington-Manning score test (variance under H0 at the restricted MLE)";
        }
        var n1 = Experimental(n2, kappa);
        var evaluable = n1 + n2;
        var enrolled = d.DropoutAdjustment == DropoutAdjustment.Multiply
            ? CeilingOf(evaluable * (1 + d.DropoutRate))
            : CeilingOf(evaluable / (1 - d.DropoutRate));
        return new SampleSizeResult(n1, n2, enrolled, NormalPower.Of(d, n1, n2), method);
    }

    private static int Experimental(int n2, double kappa) => CeilingOf(kappa * n2);

    /// <summary>Ceiling after rounding away floating-point noise (60 x 1.1 is 66.00000000000001).</summary>
    private static int CeilingOf(double value) => (int)Math.Ceiling(Math.Round(value, 9));
}
