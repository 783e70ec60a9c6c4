namespace ProtocolEngine.Engine.Workspace;

/// <summary>The screening form of a participant: the protocol's variables as fields, and the criteria the form decides.</summary>
public sealed record ScreeningForm
{
    public string ParticipantId { get; init; } = "";
    public IReadOnlyList<FormField> Fields { get; init; } = [];

    /// <summary>The values of the participant's last screening as text (what a field shows), by variable id.</summary>
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// One variable as a form field. <see cref="Type"/> is integer, number, boolean, date, code, text or records;
/// <see cref="Hint"/> says what to type (range, codes, date form); <see cref="FromRegistration"/> fields may be left empty.
/// </summary>
public sealed record FormField(string Id, string Label, string Type, string? Unit, double? Min, double? Max, bool Many,
    IReadOnlyList<CodeOption> Codes, string Hint, bool FromRegistration, bool Judgement, string? Description);

/// <summary>A code of a code list.</summary>
public sealed record CodeOption(string Code, string Label);

/// <summary>The values as typed, by variable id (empty: not known); the screening date is today.</summary>
public sealed record ScreeningRequest(string ParticipantId, IReadOnlyDictionary<string, string> Values);

/// <summary>
/// The values checked and the criteria evaluated: a message for each field whose text is not a valid value
/// (those fields count as missing), each criterion's verdict, the overall status. Saved when it was stored.
/// </summary>
public sealed record ScreeningCheck(IReadOnlyDictionary<string, string> FieldMessages, IReadOnlyList<CriterionRow> Criteria, string Status, bool Saved);

/// <summary>What randomizing would use: the eligibility summary, the strata and their values, and why it cannot go ahead (null when it can).</summary>
public sealed record RandomizationPreview(string ParticipantId, string Status, int CriteriaMet, int CriteriaTotal, IReadOnlyDictionary<string, string> Strata, string? Blocked);

/// <summary>The allocation: arm, stratum, position in the stratum's list, date and who randomized.</summary>
public sealed record AllocationResult(string ParticipantId, string ArmId, string ArmName, string Stratum, int Position, DateOnly RandomizedOn, string RandomizedBy);
