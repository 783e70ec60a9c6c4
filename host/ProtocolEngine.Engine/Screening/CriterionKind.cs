namespace ProtocolEngine.Engine.Screening;

/// <summary>Which list a criterion belongs to; decides which verdict excludes.</summary>
public enum CriterionKind { Inclusion, Exclusion, Dropout }
