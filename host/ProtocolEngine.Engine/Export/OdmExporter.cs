using System.Globalization;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Storage;
using static ProtocolEngine.Engine.Export.OdmNames;

namespace ProtocolEngine.Engine.Export;

/// <summary>
/// A CDISC ODM 1.3.2 snapshot: study metadata generated from the protocol, sites and users as
/// AdminData, each participant's data as SubjectData, and the audit trail as AuditRecords.
/// </summary>
public static class OdmExporter
{
    private static readonly XNamespace X = Ns;

    /// <summary>The document in memory: for tests and small trials; <see cref="ExportService.WriteOdm"/> streams.</summary>
    public static XDocument Export(Protocol protocol, TrialExport data)
    {
        var doc = new XDocument();
        using (var w = doc.CreateWriter())
            Write(w, protocol, new ListExportContent(data));
        doc.Declaration = Declaration;
        return doc;
    }

    private static XDeclaration Declaration => new("1.0", "UTF-8", null);

    /// <summary>
    /// The document as text, as <c>XDocument.ToString()</c> lays it out after its declaration line, written participant
    /// by participant and audit record by audit record as they are read: the trail is read twice (its users first).
    /// </summary>
    internal static void Write(TextWriter output, Protocol protocol, IExportContent content)
    {
        output.Write(Declaration.ToString());
        output.Write(Environment.NewLine);
        using var w = XmlWriter.Create(output, new XmlWriterSettings { OmitXmlDeclaration = true, Indent = true, CloseOutput = false });
        Write(w, protocol, content);
    }

    private static void Write(XmlWriter w, Protocol protocol, IExportContent c)
    {
        var h = c.Header;
        var studyOid = Oid("S", protocol.Id);
        var mdvOid = Oid("MDV", protocol.Id + "." + h.ProtocolHash[..12]);
        var users = c.Audit.Select(a => a.User).Append(h.ExportedBy).Distinct().Order(StringComparer.Ordinal).ToList();
        var effective = c.ProtocolVersions.Select(v => v.AcceptedAtUtc).DefaultIfEmpty(h.ExportedAtUtc).Min();
        var participants = c.Participants.ToList();
        var siteOf = participants.DistinctBy(p => p.Id).ToDictionary(p => p.Id, p => p.SiteId);

        w.WriteStartElement("ODM", Ns);
        Attributes(w, new XAttribute("FileType", "Snapshot"), new XAttribute("Granularity", "All"), new XAttribute("FileOID", Oid("EXPORT", $"{protocol.Id}.{h.ExportedAtUtc:yyyyMMddHHmmss}")),
            new XAttribute("CreationDateTime", Stamp(h.ExportedAtUtc)), new XAttribute("ODMVersion", "1.3.2"),
            new XAttribute("Originator", h.ExportedBy), new XAttribute("SourceSystem", "ProtocolEngine"),
            new XAttribute("SourceSystemVersion", typeof(OdmExporter).Assembly.GetName().Version?.ToString() ?? "0"));
        new XElement(X + "Study", new XAttribute("OID", studyOid),
            new XElement(X + "GlobalVariables",
                new XElement(X + "StudyName", protocol.Title),
                new XElement(X + "StudyDescription", $"{protocol.Registration.Registry} {protocol.Registration.Number}; protocol hash {h.ProtocolHash}"),
                new XElement(X + "ProtocolName", protocol.Id)),
            OdmMetadata.Build(protocol, mdvOid)).WriteTo(w);
        new XElement(X + "AdminData", new XAttribute("StudyOID", studyOid),
            users.Select(u => new XElement(X + "User", new XAttribute("OID", Oid("USR", u)), new XElement(X + "LoginName", u))),
            protocol.Sites.Select(s => Location(Oid("LOC", s.Id), s.Name, "Site", studyOid, mdvOid, effective)),
            Location("LOC.SYSTEM", "Trial database", "Sponsor", studyOid, mdvOid, effective)).WriteTo(w);
        w.WriteStartElement("ClinicalData", Ns);
        Attributes(w, new XAttribute("StudyOID", studyOid), new XAttribute("MetaDataVersionOID", mdvOid));
        foreach (var p in participants)
            Subject(protocol, p, c.Subject(p), h.IncludesRandomizationList).WriteTo(w);
        w.WriteStartElement("AuditRecords", Ns);
        foreach (var a in c.Audit)
            new XElement(X + "AuditRecord", new XAttribute("ID", $"AR.{a.Sequence}"),
                new XElement(X + "UserRef", new XAttribute("UserOID", Oid("USR", a.User))),
                new XElement(X + "LocationRef", new XAttribute("LocationOID", a.ParticipantId is { } pid && siteOf.TryGetValue(pid, out var site) ? Oid("LOC", site) : "LOC.SYSTEM")),
                new XElement(X + "DateTimeStamp", Stamp(a.TimestampUtc)),
                new XElement(X + "ReasonForChange", a.Reason ?? a.Action),
                new XElement(X + "SourceID", $"{a.Action} {a.Collection}/{a.RecordId} seq {a.Sequence} sha256 {a.Hash}")).WriteTo(w);
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Attributes(XmlWriter w, params XAttribute[] attributes)
    {
        foreach (var a in attributes)
            w.WriteAttributeString(a.Name.LocalName, a.Value);
    }

    private static XElement Location(string oid, string name, string type, string studyOid, string mdvOid, DateTimeOffset effective) =>
        new(X + "Location", new XAttribute("OID", oid), new XAttribute("Name", name), new XAttribute("LocationType", type),
            new XElement(X + "MetaDataVersionRef", new XAttribute("StudyOID", studyOid), new XAttribute("MetaDataVersionOID", mdvOid),
                new XAttribute("EffectiveDate", effective.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));

    private static XElement Subject(Protocol protocol, Participant p, SubjectRecords d, bool includesList)
    {
        var events = new List<XElement>();
        foreach (var (s, i) in d.Screenings.Select((s, i) => (s, i)))
            events.Add(Event(OdmNames.Screening, (i + 1).ToString(CultureInfo.InvariantCulture),
                Form(OdmNames.Screening, null, Group(OdmNames.Screening, s.Variables.Select(kv => Item(Oid("I", kv.Key), JsonValue(kv.Value))))),
                Form(Eligibility, null, Group(Eligibility, s.Outcome.Verdicts.Select(v => Item(Oid("I.CRIT", v.CriterionId), Kebab(v.Verdict)))
                    .Prepend(Item("I.ELIG.STATUS", Kebab(s.Outcome.Status)))))));
        foreach (var r in d.Randomizations)
            events.Add(Event(OdmNames.Randomization, null, Form(OdmNames.Randomization, null, Group(OdmNames.Randomization,
                Item("I.RAND.ARM", r.ArmId), Item("I.RAND.DATE", Date(r.RandomizedOn)),
                includesList ? Item("I.RAND.STRATUM", r.StratumKey) : null,
                includesList ? Item("I.RAND.POSITION", Num(r.ListPosition)) : null,
                includesList ? Item("I.RAND.BLOCK", r.BlockId) : null))));
        var fractions = d.Fractions;
        var course = d.Course;
        if (fractions.Count > 0 || course is { State: not CourseState.NotStarted })
            events.Add(Event(OdmNames.Treatment, null, [.. fractions.Select(f => Form(Fraction, Num(f.Sequence), Group(Fraction,
                Item("I.FX.SEQ", Num(f.Sequence)), Item("I.FX.DATE", Date(f.Date)), Item("I.FX.STATUS", Kebab(f.Status)), Item("I.FX.DOSE", Num(f.DoseGy))))),
                .. course is null ? [] : new[] { Form(Course, null, Group(Course,
                    Item("I.RT.STATE", Kebab(course.State)), Item("I.RT.DELIVERED", Num(course.Delivered)), Item("I.RT.DOSE", Num(course.DeliveredDoseGy)),
                    course.Start is { } start ? Item("I.RT.START", Date(start)) : null, course.End is { } ended ? Item("I.RT.END", Date(ended)) : null,
                    course.StoppedOn is { } stopped ? Item("I.RT.STOPDATE", Date(stopped)) : null,
                    course.StopReason is { } reason ? Item("I.RT.STOPREASON", Kebab(reason)) : null,
                    string.IsNullOrEmpty(course.StopNote) ? null : Item("I.RT.STOPNOTE", course.StopNote))) }]));
        foreach (var v in protocol.Visits)
            foreach (var rec in d.Visits.Where(x => x.VisitId == v.Id).OrderBy(x => x.Occurrence))
            {
                var a = d.Assessments.FirstOrDefault(x => x.VisitId == v.Id && x.Occurrence == rec.Occurrence);
                var forms = a is null || !v.Collect.Any(c => FormFor(c) == Pain) ? [] : new[]
                {
                    Form(Pain, null, Group(Pain, Item("I.PAIN.DATE", Date(a.Date)), Item("I.PAIN.WORST", Num(a.WorstPain)), Item("I.PAIN.OMED", Num(a.OmedMg)),
                        Item("I.PAIN.ANALGESICS", RecordJson.Serialize(a.Analgesics)))),
                };
                events.Add(Event(Oid("V", v.Id), v.Repeat is null ? null : Num(rec.Occurrence + 1), forms));
            }
        var aes = d.AdverseEvents.Select((ae, i) => Form(Ae, Num(i + 1), Group(Ae,
            Item("I.AE.TERM", ae.Term), Item("I.AE.MEDDRA", Num(ae.MeddraCode)), Item("I.AE.GRADE", Num(ae.Grade)), Item("I.AE.ONSET", Date(ae.Onset)),
            ae.Resolved is { } res ? Item("I.AE.RESOLVED", Date(res)) : null, Item("I.AE.SERIOUS", ae.Serious ? "true" : "false"),
            Item("I.AE.RELATION", Kebab(ae.RelationToRadiotherapy)))));
        var imaging = d.Imaging.Select((f, i) => Form(Imaging, Num(i + 1), Group(Imaging,
            Item("I.IMG.DATE", Date(f.Date)), Item("I.IMG.MODALITY", Kebab(f.Modality)), Item("I.IMG.FINDING", Kebab(f.Finding)), Item("I.IMG.LEVEL", f.Level),
            f.Sins is { } s ? Item("I.IMG.SINS", Num(s.Total)) : null, f.Sins is { } c ? Item("I.IMG.SINSCAT", Kebab(c.Category)) : null)));
        var safety = aes.Concat(imaging).ToArray();
        if (safety.Length > 0) events.Add(Event(OdmNames.Safety, null, safety));
        var diary = d.Diary.Select((e, i) => Form(Diary, Num(i + 1), Group(Diary,
            Item("I.DIARY.DATE", Date(e.Date)), Item("I.DIARY.WORST", Num(e.WorstPain)), Item("I.DIARY.OMED", Num(e.OmedMg)),
            Item("I.DIARY.ANALGESICS", RecordJson.Serialize(e.Analgesics))))).ToArray();
        if (diary.Length > 0) events.Add(Event(Diary, null, diary));
        var end = d.Withdrawals
            .Select(w => Form(OdmNames.Withdrawal, null, Group(OdmNames.Withdrawal, Item("I.WD.DATE", Date(w.Date)), Item("I.WD.CRITERION", w.CriterionId), Item("I.WD.NOTE", w.Note))))
            .Concat(d.VitalStatus.Select(v => Form(Vital, null, Group(Vital,
                Item("I.VS.STATUS", Kebab(v.Status)), Item("I.VS.DATE", Date(v.Date)), v.Cause is { } cause ? Item("I.VS.CAUSE", Kebab(cause)) : null,
                Item("I.VS.LASTCONTACT", Date(v.LastContact))))))
            .ToArray();
        if (end.Length > 0) events.Add(Event(End, null, end));

        return new XElement(X + "SubjectData", new XAttribute("SubjectKey", p.Id),
            new XElement(X + "SiteRef", new XAttribute("LocationOID", Oid("LOC", p.SiteId))), events);
    }

    private static XElement Event(string id, string? repeatKey, params XElement[] forms) =>
        new(X + "StudyEventData", new XAttribute("StudyEventOID", Oid("SE", id)), repeatKey is null ? null : new XAttribute("StudyEventRepeatKey", repeatKey), forms);

    private static XElement Form(string id, string? repeatKey, XElement group) =>
        new(X + "FormData", new XAttribute("FormOID", Oid("F", id)), repeatKey is null ? null : new XAttribute("FormRepeatKey", repeatKey), group);

    private static XElement Group(string id, params IEnumerable<XElement?> items) =>
        new(X + "ItemGroupData", new XAttribute("ItemGroupOID", Oid("IG", id)), items.Where(i => i is not null));

    private static XElement Item(string oid, string value) => new(X + "ItemData", new XAttribute("ItemOID", oid), new XAttribute("Value", value));

    private static string JsonValue(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => e.GetRawText(),
    };

    private static string Kebab<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
    private static string Num(double v) => v.ToString(CultureInfo.InvariantCulture);
    private static string Num(long v) => v.ToString(CultureInfo.InvariantCulture);
    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
