using System.Text.Json;
using ProtocolEngine.Engine.Export;
using ProtocolEngine.Engine.Audit;
using ProtocolEngine.Engine.Storage.InMemory;
using ProtocolEngine.Tests.Records.Support;

namespace ProtocolEngine.Tests.Storage;

/// <summary>The records services over the in-memory store (TrialFixture's option) do exactly what they do over the file.</summary>
public sealed class InMemoryTrialTests
{
    /// <summary>
    /// The export, its audit trail without what is random in each database (keys in user entries, the sealed allocation
    /// secret, signatures and so every hash): the trails must agree entry for entry on who did what, when, to which record.
    /// </summary>
    private static string Export(TrialFixture t)
    {
        var export = new ExportService(t.As("admin")).Collect();
        var random = new HashSet<string> { "users", "meta", AuditSignature.Collection };
        return JsonSerializer.Serialize(export with
        {
            Audit = [.. export.Audit.Select(e => e with
            {
                Hash = "", PreviousHash = "", RecordId = e.Action == AuditSignature.Action ? "" : e.RecordId,
                OldValue = random.Contains(e.Collection) ? null : e.OldValue, NewValue = random.Contains(e.Collection) ? null : e.NewValue,
            })],
        }, RecordJson.Indented);
    }

    [Fact]
    public void A_full_trial_exports_the_same_from_memory_as_from_the_file()
    {
        using var file = new TrialFixture();
        using var memory = new TrialFixture(inMemory: true);
        Populate.Full(file);
        Populate.Full(memory);

        Assert.IsType<InMemoryRecordStore>(memory.Store);
        var exported = Export(memory);
        Assert.Contains("mch-002", exported);
        Assert.Equal(Export(file), exported);
        Assert.Empty(new AuditService(memory.As("monitor")).Verify());
    }

    [Fact]
    public void An_in_memory_trial_has_no_file_to_close_or_reopen()
    {
        using var t = new TrialFixture(inMemory: true);
        Assert.Throws<InvalidOperationException>(t.Reopen);
        Assert.Throws<InvalidOperationException>(t.Close);
        Assert.Equal("mch-001", t.Enrol().Id);
    }
}
