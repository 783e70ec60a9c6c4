using System.Globalization;
using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Engine.Validation;

public sealed partial class ProtocolValidator
{
    /// <summary>Dose arithmetic is compared to a hundredth of a centigray.</summary>
    private const double DoseTolerance = 1e-4;

    private static void CheckFractionation(Run run)
    {
        if (run.Protocol.Fractionation is not { } f || !run.Clean(f))
            return;
        var product = f.Fractions * f.DosePerFractionGy;
        if (Math.Abs(product - f.TotalDoseGy) > DoseTolerance)
        {
            run.Error(DiagnosticCodes.FractionationMismatch, f, nameof(Fractionation.TotalDoseGy),
                $"total_dose_gy is {G(f.TotalDoseGy)} Gy but fractions x dose_per_fraction_gy is {f.Fractions} x {G(f.DosePerFractionGy)} = {G(product)} Gy; make them agree.");
        }
        if (f.TreatmentDays.Count == 0)
            run.Error(DiagnosticCodes.EmptySection, f, nameof(Fractionation.TreatmentDays), "treatment_days is empty; name the weekdays fractions are given on.");
        var days = new HashSet<DayOfWeek>();
        for (var i = 0; i < f.TreatmentDays.Count; i++)
        {
            if (!days.Add(f.TreatmentDays[i]))
                run.Error(DiagnosticCodes.DuplicateId, f.TreatmentDays, $"[{i}]", $"'{Loading.Naming.EnumValue(f.TreatmentDays[i])}' is listed twice in treatment_days.");
        }
        for (var i = 0; i < f.AlphaBetaGy.Count; i++)
        {
            if (f.AlphaBetaGy[i] <= 0)
                run.Error(DiagnosticCodes.OutOfRange, f.AlphaBetaGy, $"[{i}]", $"alpha/beta {G(f.AlphaBetaGy[i])} Gy must be above 0.");
        }
    }

    private static string G(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
