namespace ProtocolEngine.Contracts.Plugins;

/// <summary>Response categories of the International Consensus on Palliative Radiotherapy Endpoints (Chow et al. 2012).</summary>
public enum PainResponseCategory
{
    CompleteResponse,
    PartialResponse,
    Indeterminate,
    Progression,
}
