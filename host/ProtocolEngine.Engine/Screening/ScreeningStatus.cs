namespace ProtocolEngine.Engine.Screening;

/// <summary>Eligible: every inclusion met, no exclusion met. Ineligible: one criterion excludes. Incomplete: neither can be told yet.</summary>
public enum ScreeningStatus { Eligible, Ineligible, Incomplete }
