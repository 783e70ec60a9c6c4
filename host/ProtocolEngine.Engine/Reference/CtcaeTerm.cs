namespace ProtocolEngine.Engine.Reference;

/// <summary>A CTCAE v5.0 term: MedDRA code, system organ class and which grades 1-5 exist.</summary>
public sealed record CtcaeTerm(long MeddraCode, string Soc, string Term, IReadOnlyList<string?> Grades)
{
    public bool HasGrade(int grade) => grade is >= 1 and <= 5 && Grades[grade - 1] is not null;
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<int> ExistingGrades => Enumerable.Range(1, 5).Where(HasGrade);
}
