using ProtocolEngine.Contracts.Plugins;

namespace ProtocolEngine.Plugins.PainResponse;

/// <summary>
/// Pain response by the International Consensus on Palliative Radiotherapy Endpoints (Chow et al.,
/// IJROBP 2012;82(5):1730-7) and pain flare by Hird et al. (IJROBP 2009;75(1):193-7). Readings of the
/// text this plugin makes: an analgesic "increase" is any OMED above baseline (the consensus glosses
/// "no concomitant increase" as "stable or reducing"); a percentage of a zero baseline OMED is taken as
/// any start of analgesics being a rise of at least 25% and no reduction being possible; the pain
/// progression clause's "stable OMED" is read as no decrease in OMED.
/// </summary>
public sealed class PainResponsePlugin : IPainResponsePlugin
{
    public string Name => "PainResponse";
    public string Version => "0.1.0";
    public string Description => "Pain response (Chow et al. 2012 consensus: CR, PR, indeterminate, progression) and pain flare (Hird et al. 2009).";

    public PainResponseResult Classify(PainResponseRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var b = Check(request.Baseline, "baseline");
        var f = Check(request.FollowUp, "follow_up");
        var increase = f.OmedMg > b.OmedMg;
        if (f.WorstPain == 0 && !increase)
            return new(PainResponseCategory.CompleteResponse, true, "complete response: worst pain 0 with no increase in OMED");
        if (f.WorstPain <= b.WorstPain - 2 && !increase)
            return new(PainResponseCategory.PartialResponse, true, "partial response: worst pain down 2 or more without an OMED increase");
        if (OmedChange.ReducedByQuarter(b.OmedMg, f.OmedMg) && f.WorstPain <= b.WorstPain)
            return new(PainResponseCategory.PartialResponse, true, "partial response: OMED down 25% or more without an increase in pain");
        if (f.WorstPain >= b.WorstPain + 2 && f.OmedMg >= b.OmedMg)
            return new(PainResponseCategory.Progression, false, "progression: worst pain up 2 or more with OMED not reduced");
        if (OmedChange.RaisedByQuarter(b.OmedMg, f.OmedMg) && f.WorstPain >= b.WorstPain && f.WorstPain <= b.WorstPain + 1)
            return new(PainResponseCategory.Progression, false, "progression: OMED up 25% or more with pain stable or 1 point above baseline");
        return new(PainResponseCategory.Indeterminate, false, "indeterminate: not a complete or partial response and not progression");
    }

    public PainFlareResult AssessFlare(PainFlareRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Days);
        return FlareScan.Assess(Check(request.Baseline, "baseline"), request.Days);
    }

    internal static PainObservation Check(PainObservation? o, string field)
    {
        if (o is null)
            throw new ArgumentException($"{field}: missing; give the worst pain (0-10) and OMED (mg).");
        if (o.WorstPain is < 0 or > 10)
            throw new ArgumentException($"{field}.worst_pain: {o.WorstPain} is outside 0-10; use the numerical rating scale 0-10.");
        if (!double.IsFinite(o.OmedMg) || o.OmedMg < 0)
            throw new ArgumentException($"{field}.omed_mg: {o.OmedMg} is not a dose; give the oral morphine equivalent daily dose in mg (0 or more).");
        return o;
    }
}
