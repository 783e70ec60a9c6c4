using System.Xml.Linq;
using ProtocolEngine.Engine.Model;
using static ProtocolEngine.Engine.Export.OdmNames;

namespace ProtocolEngine.Engine.Export;

/// <summary>
/// The ODM MetaDataVersion generated from the protocol: study events from the visits (plus screening,
/// randomization, treatment, safety and end of study), forms, item groups, items from the variables
/// and code lists from the protocol's code lists and the records' enumerations.
/// </summary>
internal static class OdmMetadata
{
    private static readonly XNamespace X = Ns;

    private sealed record Item(string Oid, string Name, string DataType, string? CodeList = null, string? Question = null);

    public static XElement Build(Protocol protocol, string mdvOid)
    {
        var visitForms = protocol.Visits.ToDictionary(v => v.Id, v => v.Collect.Select(FormFor).Distinct().ToList());
        var extraForms = visitForms.Values.SelectMany(f => f).Where(f => f is not (Pain or Ae or Imaging)).Distinct().ToList();
        var codeLists = protocol.CodeLists.Where(kv => kv.Value.Count > 0).ToDictionary(kv => kv.Key, kv => kv.Value.Select(c => (c.Code, c.Label)).ToList());
        codeLists["_verdict"] = Enum("met", "not-met", "unknown", "error");
        codeLists["_eligibility"] = Enum("eligible", "ineligible", "incomplete");
        codeLists["_arm"] = [.. protocol.Arms.Select(a => (a.Id, a.Name))];
        codeLists["_fraction_status"] = Enum("delivered", "missed");
        codeLists["_course_state"] = Enum("not-started", "ongoing", "complete", "stopped");
        codeLists["_stop_reason"] = Enum("toxicity", "progression", "death", "consent-withdrawn", "patient-choice", "other");
        codeLists["_vital_status"] = Enum("alive", "died", "lost-to-follow-up");
        codeLists["_death_cause"] = Enum("disease", "treatment-related", "other");
        codeLists["_relation"] = Enum("unrelated", "unlikely", "possible", "probable", "definite");
        codeLists["_modality"] = Enum("ct", "mri", "ect");
        codeLists["_finding"] = Enum("no-finding", "radiation-myelopathy", "fracture");
        if (protocol.Criteria.Dropout.Count > 0) codeLists["_dropout"] = [.. protocol.Criteria.Dropout.Select(c => (c.Id, c.Text))];

        var groups = new Dictionary<string, List<Item>>
        {
            [OdmNames.Screening] = [.. protocol.Variables.Select(v => new Item(Oid("I", v.Id), v.Id, DataType(v.Type),
                v.Type == VariableType.Code && v.CodeList is { } cl && codeLists.ContainsKey(cl) ? cl : null, v.Label))],
            [Eligibility] = [new("I.ELIG.STATUS", "eligibility", "text", "_eligibility"),
                .. protocol.Criteria.Inclusion.Concat(protocol.Criteria.Exclusion).Select(c => new Item(Oid("I.CRIT", c.Id), c.Id, "text", "_verdict", c.Text))],
            [OdmNames.Randomization] = [new("I.RAND.ARM", "arm", "text", "_arm"), new("I.RAND.DATE", "randomized_on", "date"), new("I.RAND.STRATUM", "stratum", "text"),
                new("I.RAND.POSITION", "list_position", "integer"), new("I.RAND.BLOCK", "block", "text")],
            [Fraction] = [new("I.FX.SEQ", "session", "integer"), new("I.FX.DATE", "date", "date"), new("I.FX.STATUS", "status", "text", "_fraction_status"), new("I.FX.DOSE", "dose_gy", "float")],
            [Course] = [new("I.RT.STATE", "course_state", "text", "_course_state"), new("I.RT.DELIVERED", "fractions_delivered", "integer"),
                new("I.RT.DOSE", "dose_delivered_gy", "float"), new("I.RT.START", "start", "date"), new("I.RT.END", "end", "date"),
                new("I.RT.STOPDATE", "stopped_on", "date"), new("I.RT.STOPREASON", "stop_reason", "text", "_stop_reason"), new("I.RT.STOPNOTE", "stop_note", "text")],
            [Diary] = [new("I.DIARY.DATE", "date", "date"), new("I.DIARY.WORST", "worst_pain", "integer", Question: "Worst pain today (NRS 0-10)"),
                new("I.DIARY.OMED", "omed_mg", "float"), new("I.DIARY.ANALGESICS", "analgesics", "text")],
            [Vital] = [new("I.VS.STATUS", "vital_status", "text", "_vital_status"), new("I.VS.DATE", "date", "date"), new("I.VS.CAUSE", "cause_of_death", "text", "_death_cause"),
                new("I.VS.LASTCONTACT", "last_contact", "date")],
            [Pain] = [new("I.PAIN.DATE", "date", "date"), new("I.PAIN.WORST", "worst_pain", "integer", Question: "Worst pain in the last 24 h (NRS 0-10)"),
                new("I.PAIN.OMED", "omed_mg", "float", Question: "Oral morphine equivalent daily dose (mg)"), new("I.PAIN.ANALGESICS", "analgesics", "text")],
            [Ae] = [new("I.AE.TERM", "ctcae_term", "text"), new("I.AE.MEDDRA", "meddra_code", "integer"), new("I.AE.GRADE", "grade", "integer"),
                new("I.AE.ONSET", "onset", "date"), new("I.AE.RESOLVED", "resolved", "date"), new("I.AE.SERIOUS", "serious", "boolean"),
                new("I.AE.RELATION", "relation_to_radiotherapy", "text", "_relation")],
            [Imaging] = [new("I.IMG.DATE", "date", "date"), new("I.IMG.MODALITY", "modality", "text", "_modality"), new("I.IMG.FINDING", "finding", "text", "_finding"),
                new("I.IMG.LEVEL", "level", "text"), new("I.IMG.SINS", "sins_total", "integer"), new("I.IMG.SINSCAT", "sins_category", "text")],
            [Withdrawal] = [new("I.WD.DATE", "date", "date"), new("I.WD.CRITERION", "criterion", "text", codeLists.ContainsKey("_dropout") ? "_dropout" : null), new("I.WD.NOTE", "note", "text")],
        };
        var forms = new List<(string Id, string Name, bool Repeating, string[] Groups)>
        {
            (OdmNames.Screening, "Screening", false, [OdmNames.Screening]), (Eligibility, "Eligibility", false, [Eligibility]), (OdmNames.Randomization, "Randomization", false, [OdmNames.Randomization]),
            (Fraction, "Radiotherapy fraction", true, [Fraction]), (Course, "Radiotherapy course", false, [Course]), (Diary, "Diary day", true, [Diary]),
            (Vital, "Vital status", false, [Vital]), (Pain, "Pain and analgesics", false, [Pain]), (Ae, "Adverse event", true, [Ae]),
            (Imaging, "Imaging finding", true, [Imaging]), (Withdrawal, "Withdrawal", false, [Withdrawal]),
        };
        forms.AddRange(extraForms.Select(f => (f, f.ToLowerInvariant(), false, Array.Empty<string>())));
        var events = new List<(string Id, string Name, bool Repeating, string Type, IEnumerable<string> Forms)>
        {
            (OdmNames.Screening, "Screening", true, "Scheduled", [OdmNames.Screening, Eligibility]),
            (OdmNames.Randomization, "Randomization", false, "Scheduled", [OdmNames.Randomization]),
            (OdmNames.Treatment, "Radiotherapy", false, "Scheduled", [Fraction, Course]),
        };
        if (protocol.Diary is { } diary) events.Add((Diary, diary.Label, false, "Common", [Diary]));
        events.AddRange(protocol.Visits.Select(v => (Oid("V", v.Id), v.Label, v.Repeat is not null, "Scheduled", (IEnumerable<string>)visitForms[v.Id])));
        events.Add((OdmNames.Safety, "Safety (any time)", false, "Common", [Ae, Imaging]));
        events.Add((End, "End of study", false, "Unscheduled", [Withdrawal, Vital]));

        return new XElement(X + "MetaDataVersion", new XAttribute("OID", mdvOid), new XAttribute("Name", $"{protocol.Title} {protocol.Version}".Trim()),
            new XElement(X + "Protocol", events.Select((e, i) => new XElement(X + "StudyEventRef", new XAttribute("StudyEventOID", Oid("SE", e.Id)),
                new XAttribute("OrderNumber", i + 1), new XAttribute("Mandatory", e.Type == "Scheduled" ? "Yes" : "No")))),
            events.Select(e => new XElement(X + "StudyEventDef", new XAttribute("OID", Oid("SE", e.Id)), new XAttribute("Name", e.Name),
                new XAttribute("Repeating", YesNo(e.Repeating)), new XAttribute("Type", e.Type),
                e.Forms.Select((f, i) => new XElement(X + "FormRef", new XAttribute("FormOID", Oid("F", f)), new XAttribute("OrderNumber", i + 1), new XAttribute("Mandatory", "No"))))),
            forms.Select(f => new XElement(X + "FormDef", new XAttribute("OID", Oid("F", f.Id)), new XAttribute("Name", f.Name), new XAttribute("Repeating", YesNo(f.Repeating)),
                f.Groups.Select(g => new XElement(X + "ItemGroupRef", new XAttribute("ItemGroupOID", Oid("IG", g)), new XAttribute("Mandatory", "Yes"))))),
            groups.Select(g => new XElement(X + "ItemGroupDef", new XAttribute("OID", Oid("IG", g.Key)), new XAttribute("Name", g.Key.ToLowerInvariant()), new XAttribute("Repeating", "No"),
                g.Value.Select((it, i) => new XElement(X + "ItemRef", new XAttribute("ItemOID", it.Oid), new XAttribute("OrderNumber", i + 1), new XAttribute("Mandatory", "No"))))),
            groups.Values.SelectMany(g => g).Select(it => new XElement(X + "ItemDef", new XAttribute("OID", it.Oid), new XAttribute("Name", it.Name), new XAttribute("DataType", it.DataType),
                it.Question is null ? null : new XElement(X + "Question", Text(it.Question)),
                it.CodeList is null ? null : new XElement(X + "CodeListRef", new XAttribute("CodeListOID", Oid("CL", it.CodeList))))),
            codeLists.Select(cl => new XElement(X + "CodeList", new XAttribute("OID", Oid("CL", cl.Key)), new XAttribute("Name", cl.Key.TrimStart('_')), new XAttribute("DataType", "text"),
                cl.Value.Select(c => new XElement(X + "CodeListItem", new XAttribute("CodedValue", c.Item1), new XElement(X + "Decode", Text(c.Item2)))))));
    }

    private static List<(string, string)> Enum(params string[] codes) => [.. codes.Select(c => (c, c.Replace('-', ' ')))];

    private static XElement Text(string s) => new(X + "TranslatedText", new XAttribute(XNamespace.Xml + "lang", "en"), s);

    private static string YesNo(bool b) => b ? "Yes" : "No";

    private static string DataType(VariableType t) => t switch
    {
        VariableType.Integer => "integer",
        VariableType.Number => "float",
        VariableType.Boolean => "boolean",
        VariableType.Date => "date",
        _ => "text",
    };
}
