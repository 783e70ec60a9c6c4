namespace ProtocolEngine.Engine.Summary;

/// <summary>A readable digest of a protocol, computed once; hosts only render it.</summary>
public sealed record ProtocolSummary(
    string Id,
    string Title,
    string Registration,
    string? Ethics,
    string Phase,
    string Design,
    IReadOnlyList<string> Sites,
    string ContentHash,
    IReadOnlyList<CriterionRow> Criteria,
    IReadOnlyList<ArmRow> Arms,
    string? Randomization,
    FractionationSummary? Fractionation,
    IReadOnlyList<VisitRow> Visits,
    IReadOnlyList<EndpointRow> Endpoints,
    IReadOnlyList<string> Statistics);

/// <summary>A criterion (or one of its parts, with <paramref name="Depth"/> 1) and its rule.</summary>
public sealed record CriterionRow(string Kind, string Id, int Depth, string Text, string Rule);

public sealed record ArmRow(string Id, string Name, string Role, int Ratio, string? Ctv);

public sealed record FractionationSummary(string Prescription, string Schedule, IReadOnlyList<DoseRow> Dose);

/// <summary>BED and EQD2 of the whole course at one alpha/beta ratio.</summary>
public sealed record DoseRow(double AlphaBetaGy, double BedGy, double Eqd2Gy);

/// <summary>One occurrence of a visit in the calendar: when, relative to what, and its window.</summary>
public sealed record VisitRow(string Id, string Label, string When, string Window, string Collect);

public sealed record EndpointRow(string Kind, string Id, string Label, string Measure, string Visits);
