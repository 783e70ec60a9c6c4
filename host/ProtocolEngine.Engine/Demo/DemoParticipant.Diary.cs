using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Reference;
using ProtocolEngine.Engine.Assessments;

namespace ProtocolEngine.Engine.Demo;

internal sealed partial class DemoParticipant
{
    /// <summary>The protocol's diary from the first delivered fraction to its days after the last (<see cref="DemoDiary"/>).</summary>
    private void Diary(DemoCourse course, DiaryPlan plan)
    {
        foreach (var (date, worst, dose) in DemoDiary.Entries(pain, course.Start, course.End.AddDays(plan.DaysAfterEnd), Random))
            Add(date, () => new DiaryService(context.Coordinator, OmedTable.Default).Add(id, date, worst, pain.Analgesics(dose)));
    }
}
