namespace ProtocolEngine.Contracts.Plugins;

/// <summary>
/// Endpoint assessment of palliative radiotherapy for pain: the response at a follow-up assessment
/// against baseline, and pain flare over the daily diary.
/// </summary>
public interface IPainResponsePlugin : IPlugin
{
    /// <summary>The response category of a follow-up assessment against the baseline assessment.</summary>
    /// <exception cref="ArgumentException">A worst pain outside 0-10 or a negative or non-finite OMED.</exception>
    PainResponseResult Classify(PainResponseRequest request);

    /// <summary>Whether the diary shows a pain flare (a transient rise that returns to baseline), a rise that does not return, or neither.</summary>
    /// <exception cref="ArgumentException">A worst pain outside 0-10, a negative or non-finite OMED, or diary days out of date order.</exception>
    PainFlareResult AssessFlare(PainFlareRequest request);
}
