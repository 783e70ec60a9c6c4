namespace ProtocolEngine.Engine.Reporting;

/// <summary>One CTCAE term (or any term): per arm the participants with it by worst grade, and Fisher's exact p between the arms.</summary>
public sealed record AdverseEventRow
{
    public string Term { get; init; } = "";

    /// <summary>The MedDRA code of the term (null for the "any adverse event" row).</summary>
    public long? MeddraCode { get; init; }

    /// <summary>True for the first row: a participant with any adverse event, by the worst grade of all their events.</summary>
    public bool Any { get; init; }
    public IReadOnlyList<ArmGrades> Arms { get; init; } = [];

    /// <summary>
    /// Two-sided Fisher's exact p of participants with the term, experimental against control (null when an arm has
    /// no participants).
    /// </summary>
    public double? FisherP { get; init; }
}
