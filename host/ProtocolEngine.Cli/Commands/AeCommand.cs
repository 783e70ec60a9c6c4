using System.CommandLine;
using ProtocolEngine.Cli.Records;
using ProtocolEngine.Engine.Safety;
using ProtocolEngine.Engine.Reference;

namespace ProtocolEngine.Cli.Commands;

/// <summary>`ae add|update`: adverse events by CTCAE v5.0 term and grade.</summary>
public static class AeCommand
{
    public static Command Create(CliConsole console, RecordsCliServices services)
    {
        var options = new RecordOptions();
        var factory = new SessionFactory(console, services, options);
        var pid = new Option<string>("--participant") { Description = "Participant id.", Required = true };
        var term = new Option<string>("--term") { Description = "CTCAE v5.0 term, e.g. 'Back pain'.", Required = true };
        var meddra = new Option<long?>("--meddra") { Description = "MedDRA code (checked against the term)." };
        var grade = new Option<int>("--grade") { Description = "CTCAE grade 1-5 (only grades the term has).", Required = true };
        var onset = new Option<string>("--onset") { Description = "Onset date (yyyy-MM-dd).", Required = true };
        var resolved = new Option<string?>("--resolved") { Description = "Resolution date (yyyy-MM-dd)." };
        var serious = new Option<bool>("--serious") { Description = "Serious adverse event." };
        var relation = EnumOption.Create<Relatedness>("--relation", "Relation to radiotherapy", required: true);
        var add = options.AddTo(new Command("add", "Record an adverse event.") { pid, term, meddra, grade, onset, resolved, serious, relation });
        add.SetAction(parse =>
        {
            var input = new AdverseEventInput
            {
                Term = parse.GetValue(term)!, MeddraCode = parse.GetValue(meddra), Grade = parse.GetValue(grade),
                Onset = CliDates.Required(parse.GetValue(onset), "--onset"), Resolved = CliDates.Parse(parse.GetValue(resolved), "--resolved"),
                Serious = parse.GetValue(serious), Relation = EnumOption.Parse<Relatedness>(parse.GetValue(relation)!),
            };
            using var open = factory.Open(parse);
            var ae = new AdverseEventService(open.Session, CtcaeCatalog.Default).Add(parse.GetValue(pid)!, input);
            return RecordOutput.Write(console, options.Json(parse), ae, () => $"{ae.Id}: {ae.Term} grade {ae.Grade} (MedDRA {ae.MeddraCode}) from {ae.Onset:yyyy-MM-dd}.");
        });

        var uOptions = new RecordOptions();
        var uFactory = new SessionFactory(console, services, uOptions);
        var id = new Option<string>("--id") { Description = "Adverse event id.", Required = true };
        var uGrade = new Option<int?>("--grade") { Description = "New grade." };
        var uResolved = new Option<string?>("--resolved") { Description = "Resolution date (yyyy-MM-dd)." };
        var uSerious = new Option<bool?>("--serious") { Description = "Serious (true/false)." };
        var uRelation = EnumOption.Create<Relatedness>("--relation", "Relation to radiotherapy", required: false);
        var reason = new Option<string>("--reason") { Description = "Why the saved event changes.", Required = true };
        var update = uOptions.AddTo(new Command("update", "Change a saved adverse event (needs a reason).") { id, uGrade, uResolved, uSerious, uRelation, reason });
        update.SetAction(parse =>
        {
            var res = CliDates.Parse(parse.GetValue(uResolved), "--resolved");
            var rel = EnumOption.ParseOptional<Relatedness>(parse.GetValue(uRelation));
            using var open = uFactory.Open(parse);
            var ae = new AdverseEventService(open.Session, CtcaeCatalog.Default).Update(parse.GetValue(id)!, a => a with
            {
                Grade = parse.GetValue(uGrade) ?? a.Grade, Resolved = res ?? a.Resolved,
                Serious = parse.GetValue(uSerious) ?? a.Serious, RelationToRadiotherapy = rel ?? a.RelationToRadiotherapy,
            }, parse.GetValue(reason)!);
            return RecordOutput.Write(console, uOptions.Json(parse), ae, () => $"{ae.Id} updated.");
        });
        return new Command("ae", "Adverse events.") { add, update };
    }
}
