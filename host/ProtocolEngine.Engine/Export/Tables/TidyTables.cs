using ProtocolEngine.Engine.Assessments;
using ProtocolEngine.Engine.FollowUp;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Participants;
using ProtocolEngine.Engine.Randomization;
using ProtocolEngine.Engine.Safety;
using ProtocolEngine.Engine.Screening;
using ProtocolEngine.Engine.Storage;
using ProtocolEngine.Engine.Treatment;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Engine.Export.Tables;

/// <summary>
/// The export as tidy tables a statistician loads straight into R or pandas: one row per record, one value per cell.
/// A record's lists become tables of their own (one row per criterion verdict, lesion, sector, analgesic, factor,
/// changed field), keyed by the record's id and the participant; <c>data_dictionary</c> describes every column
/// (type, unit, code list) and <c>code_lists</c> every code.
/// </summary>
public static class TidyTables
{
    /// <summary>The tables of an in-memory export, for tests and small trials (<see cref="ExportService.WriteTables"/> streams).</summary>
    public static IReadOnlyList<ExportTable> Of(TrialExport export, Protocol protocol) => [.. From(new ListExportContent(export), protocol)];

    internal static IEnumerable<ExportTable> From(IExportContent c, Protocol protocol)
    {
        var codes = new ExportCodeLists();
        codes.Add("site", protocol.Sites.Select(s => (s.Id, s.Name)));
        codes.Add("arm", protocol.Arms.Select(a => (a.Id, a.Name)));
        codes.Add("visit", protocol.Visits.Select(v => (v.Id, v.Label)));
        foreach (var (name, items) in protocol.CodeLists)
            codes.Add(name, items.Select(i => (i.Code, i.Label)));

        var tables = new List<ExportTable>
        {
            new TableSpec<ProtocolVersion>("protocol_versions", "One row per protocol version the database accepted.", codes)
                .Column("number", v => v.Number).Column("label", v => v.Label).Column("protocol_hash", v => v.Id, about: "SHA-256 of the version (what records' protocol_hash names).")
                .Column("accepted_at_utc", v => v.AcceptedAtUtc).Column("accepted_by", v => v.AcceptedBy).Over(c.ProtocolVersions),
            new TableSpec<Participant>("participants", "One row per registered participant.", codes)
                .Column("participant_id", p => p.Id).Column("site_id", p => p.SiteId, codeList: "site")
                .Scalars(p => p, skip: ["Id", "SiteId"]).Over(c.Participants),
            new TableSpec<ScreeningRecord>("screenings", "One row per screening.", codes)
                .Column("screening_id", s => s.Id).Column("participant_id", s => s.ParticipantId).Column("screened_on", s => s.ScreenedOn)
                .Column("status", s => s.Outcome.Status).Column("protocol_hash", s => s.ProtocolHash).Over(c.Screenings),
            new TableSpec<(ScreeningRecord S, CriterionVerdict V)>("screening_verdicts", "One row per criterion verdict of a screening.", codes)
                .Column("screening_id", x => x.S.Id).Column("participant_id", x => x.S.ParticipantId).Column("criterion_id", x => x.V.CriterionId)
                .Column("kind", x => x.V.Kind).Column("verdict", x => x.V.Verdict).Column("message", x => x.V.Message)
                .Over(c.Screenings.SelectMany(s => s.Outcome.Verdicts.Select(v => (s, v)))),
            new TableSpec<(ScreeningRecord S, string Criterion, string Variable)>("screening_missing", "One row per variable a criterion lacked (verdict unknown).", codes)
                .Column("screening_id", x => x.S.Id).Column("participant_id", x => x.S.ParticipantId).Column("criterion_id", x => x.Criterion).Column("variable", x => x.Variable)
                .Over(c.Screenings.SelectMany(s => s.Outcome.Verdicts.SelectMany(v => v.MissingVariables.Select(m => (s, v.CriterionId, m))))),
            new TableSpec<(ScreeningRecord S, string Criterion, bool Met)>("screening_attestations", "One row per criterion the investigator attested at a screening.", codes)
                .Column("screening_id", x => x.S.Id).Column("participant_id", x => x.S.ParticipantId).Column("criterion_id", x => x.Criterion).Column("met", x => x.Met)
                .Over(c.Screenings.SelectMany(s => s.Attestations.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => (s, a.Key, a.Value)))),
        };
        tables.AddRange(ScreeningValues.Tables(c, protocol, codes));
        tables.AddRange(
        [
            new TableSpec<RandomizationRecord>("randomizations", "One row per randomized participant.", codes)
                .Column("randomization_id", r => r.Id).Column("participant_id", r => r.ParticipantId).Column("arm_id", r => r.ArmId, codeList: "arm")
                .Scalars(r => r, skip: ["Id", "ParticipantId", "ArmId"]).Over(c.Randomizations),
            new TableSpec<(RandomizationRecord R, string Factor, string Level)>("randomization_factors", "One row per stratification or minimization factor of an allocation.", codes)
                .Column("randomization_id", x => x.R.Id).Column("participant_id", x => x.R.ParticipantId).Column("factor", x => x.Factor).Column("level", x => x.Level)
                .Over(c.Randomizations.SelectMany(r => r.Factors.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (r, f.Key, f.Value)))),
            new TableSpec<FractionRecord>("fractions", "One row per radiotherapy fraction session (delivered or missed).", codes)
                .Scalars(f => f, "fraction_id").Over(c.Fractions),
            new TableSpec<TreatmentStop>("treatment_stops", "One row per course stopped early.", codes).Scalars(s => s, "stop_id").Over(c.TreatmentStops),
            new TableSpec<CourseSummary>("courses", "One row per randomized participant's radiotherapy course.", codes).Scalars(s => s).Over(c.Courses),
            new TableSpec<TargetVolume>("target_volumes", "One row per treated lesion's target volume.", codes).Scalars(t => t, "target_volume_id").Over(c.TargetVolumes),
            new TableSpec<(TargetVolume T, string Volume, int Sector)>("target_volume_sectors", "One row per ISRC sector of a target volume's GTV, CTV or optional CTV.", codes)
                .Column("target_volume_id", x => x.T.Id).Column("participant_id", x => x.T.ParticipantId)
                .Column("volume", x => x.Volume, codeList: codes.Add("target_volume_part", [("gtv", "gross tumour volume"), ("ctv", "clinical target volume, required"), ("optional", "clinical target volume, optional")]))
                .Column("sector", x => x.Sector)
                .Over(c.TargetVolumes.SelectMany(t => t.GtvSectors.Select(s => (t, "gtv", s)).Concat(t.CtvSectors.Select(s => (t, "ctv", s))).Concat(t.OptionalSectors.Select(s => (t, "optional", s))))),
            new TableSpec<VisitRecord>("visits", "One row per visit done or missed.", codes)
                .Column("visit_record_id", v => v.Id).Column("participant_id", v => v.ParticipantId).Column("visit_id", v => v.VisitId, codeList: "visit")
                .Scalars(v => v, skip: ["Id", "ParticipantId", "VisitId"]).Over(c.Visits),
            new TableSpec<Assessment>("assessments", "One row per pain assessment at a visit.", codes)
                .Column("assessment_id", a => a.Id).Column("participant_id", a => a.ParticipantId).Column("visit_id", a => a.VisitId, codeList: "visit")
                .Scalars(a => a, skip: ["Id", "ParticipantId", "VisitId"]).Over(c.Assessments),
            Analgesics("assessment_analgesics", "One row per analgesic of a pain assessment.", "assessment_id", c.Assessments.Select(a => (a.Id, a.ParticipantId, a.Analgesics)), codes),
            new TableSpec<DiaryEntry>("diary", "One row per day of a participant's diary.", codes).Scalars(d => d, "diary_entry_id").Over(c.Diary),
            Analgesics("diary_analgesics", "One row per analgesic of a diary day.", "diary_entry_id", c.Diary.Select(d => (d.Id, d.ParticipantId, d.Analgesics)), codes),
            new TableSpec<AdverseEvent>("adverse_events", "One row per adverse event.", codes).Scalars(a => a, "adverse_event_id").Over(c.AdverseEvents),
            new TableSpec<ImagingFinding>("imaging", "One row per imaging finding (with its SINS when a fracture was scored).", codes).Scalars(i => i, "imaging_id").Over(c.Imaging),
            new TableSpec<Withdrawal>("withdrawals", "One row per withdrawal under a drop-out criterion.", codes).Scalars(w => w, "withdrawal_id").Over(c.Withdrawals),
            new TableSpec<VitalStatusRecord>("vital_status", "One row per participant's vital status.", codes).Scalars(v => v, "vital_status_id").Over(c.VitalStatus),
            new TableSpec<AuditEntry>("audit", "One row per audit entry (the changed values are in audit_changes).", codes)
                .Scalars(a => a, skip: ["OldValue", "NewValue"]).Over(c.Audit),
            new TableSpec<AuditChange>("audit_changes", "One row per field an audit entry changed (every field of a new record).", codes)
                .Column("sequence", x => x.Sequence, about: "The audit entry (audit.sequence).").Column("collection", x => x.Collection).Column("record_id", x => x.RecordId)
                .Column("participant_id", x => x.ParticipantId).Column("field", x => x.Field).Column("old_value", x => x.OldValue).Column("new_value", x => x.NewValue)
                .Over(c.Audit.SelectMany(AuditChange.Of)),
        ]);
        foreach (var table in tables) yield return table;
        yield return Dictionary(tables, codes);
        yield return new TableSpec<(string List, string Code, string Label)>("code_lists", "One row per code of a code list the tables use.", codes)
            .Column("code_list", x => x.List).Column("code", x => x.Code).Column("label", x => x.Label).Over(codes.Entries);
    }

    private static ExportTable Analgesics(string name, string description, string key, IEnumerable<(string Id, string Participant, IReadOnlyList<AnalgesicDose> Doses)> rows, ExportCodeLists codes) =>
        new TableSpec<(string Id, string Participant, int Item, AnalgesicDose Dose)>(name, description, codes)
            .Column(key, x => x.Id).Column("participant_id", x => x.Participant).Column("item", x => x.Item)
            .Scalars(x => x.Dose).Over(rows.SelectMany(r => r.Doses.Select((d, i) => (r.Id, r.Participant, i + 1, d))));

    private static ExportTable Dictionary(IReadOnlyList<ExportTable> tables, ExportCodeLists codes) =>
        new TableSpec<(string Table, ExportColumn Column)>("data_dictionary", "One row per column of every table.", codes)
            .Column("table", x => x.Table).Column("column", x => x.Column.Name).Column("type", x => x.Column.Type == ColumnType.DateTime ? "date-time" : ExportValues.Text(x.Column.Type))
            .Column("unit", x => x.Column.Unit).Column("code_list", x => x.Column.CodeList).Column("description", x => x.Column.Description)
            .Over([.. tables.SelectMany(t => t.Columns.Select(col => (t.Name, col)))]);
}
