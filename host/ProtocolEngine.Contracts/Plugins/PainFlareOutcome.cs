namespace ProtocolEngine.Contracts.Plugins;

/// <summary>What the diary shows.</summary>
public enum PainFlareOutcome
{
    /// <summary>No day met the flare rise.</summary>
    None,

    /// <summary>A rise that returned to baseline within the window: a pain flare.</summary>
    Flare,

    /// <summary>A rise that had not returned to baseline by the window's last diary day: progression, not flare.</summary>
    Progression,
}
