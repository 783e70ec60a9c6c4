using ProtocolEngine.Engine.Storage;
using ProtocolEngine.Engine.Security;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Engine.Export;

/// <summary>
/// Exports the database's records, hiding list positions and blocks from roles that may not see the list. Each
/// export reads the store once (one consistent state) and writes as it reads, table by table and record by record
/// (participant by participant for ODM), so memory does not grow with the trial; <see cref="Collect"/> holds it all,
/// for tests and small trials.
/// </summary>
public sealed class ExportService(TrialSession session)
{
    /// <summary>Everything in memory.</summary>
    public TrialExport Collect() => Read(c => new TrialExport
    {
        ProtocolId = c.Header.ProtocolId, ProtocolHash = c.Header.ProtocolHash, ExportedAtUtc = c.Header.ExportedAtUtc,
        ExportedBy = c.Header.ExportedBy, IncludesRandomizationList = c.Header.IncludesRandomizationList,
        ProtocolVersions = [.. c.ProtocolVersions], Participants = [.. c.Participants], Screenings = [.. c.Screenings],
        Randomizations = [.. c.Randomizations], Fractions = [.. c.Fractions], TreatmentStops = [.. c.TreatmentStops], Courses = [.. c.Courses],
        TargetVolumes = [.. c.TargetVolumes], Visits = [.. c.Visits], Assessments = [.. c.Assessments], Diary = [.. c.Diary],
        AdverseEvents = [.. c.AdverseEvents], Imaging = [.. c.Imaging], Withdrawals = [.. c.Withdrawals], VitalStatus = [.. c.VitalStatus],
        Audit = [.. c.Audit],
    });

    /// <summary>The JSON document (what <see cref="Collect"/> serializes to with <see cref="RecordJson.Indented"/>), written to <paramref name="output"/> as it is read.</summary>
    public void WriteJson(Stream output) => Read(c =>
    {
        JsonExporter.Write(output, c);
        return 0;
    });

    /// <summary>
    /// The tidy tables (<see cref="Tables.TidyTables"/>) one after the other, the data dictionary and the code lists last:
    /// <paramref name="each"/> gets each table and reads its rows before returning (they are read from the store as it
    /// enumerates them); returns how many tables.
    /// </summary>
    public int WriteTables(Action<Tables.ExportTable> each) => Read(c =>
    {
        var count = 0;
        foreach (var table in Tables.TidyTables.From(c, session.Protocol))
        {
            each(table);
            count++;
        }
        return count;
    });

    /// <summary>The CDISC ODM 1.3.2 document as text, declaration first, written participant by participant.</summary>
    public void WriteOdm(TextWriter output) => Read(c =>
    {
        OdmExporter.Write(output, session.Protocol, c);
        return 0;
    });

    /// <summary>An export needs the export permission and, for the trail in it, the permission to read records.</summary>
    private T Read<T>(Func<IExportContent, T> export)
    {
        RolePolicy.Demand(session.User, Permission.ReadRecords);
        return session.Read(Permission.Export, r => export(new StoreExportContent(session, r)));
    }
}
