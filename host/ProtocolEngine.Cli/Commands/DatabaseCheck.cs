using ProtocolEngine.Engine.Audit;
using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Trial;
using ProtocolEngine.Storage.LiteDb;

namespace ProtocolEngine.Cli.Commands;

/// <summary>What `backup` and `restore` check a copy against before it goes anywhere: it opens with the key, belongs to the protocol and its audit trail verifies.</summary>
public static class DatabaseCheck
{
    /// <summary>Opens <paramref name="copy"/> read-only and checks it; <paramref name="named"/> is the name the messages give it. Returns the number of audit entries.</summary>
    public static long Verify(string copy, string key, Protocol protocol, string named)
    {
        try
        {
            using var store = LiteRecordStore.OpenReadOnly(copy, key);
            var id = store.Read(r => r.GetMeta(TrialDatabase.ProtocolIdKey));
            if (id != protocol.Id)
                throw new CliInputException($"'{named}' is {(id is null ? "not a trial database (no protocol id)" : $"the database of protocol '{id}'")}, not of '{protocol.Id}'; nothing was replaced or written.");
            var report = store.Read(AuditVerifier.Check);
            if (!report.Intact)
                throw new CliInputException($"'{named}' does not verify: its audit trail has {report.Problems.Count} problems (the first: {report.Problems[0].Message}); nothing was replaced or written.");
            return report.Entries;
        }
        finally
        {
            File.Delete(copy + ".lock");
        }
    }
}
