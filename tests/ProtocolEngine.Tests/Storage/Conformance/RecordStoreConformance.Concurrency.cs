namespace ProtocolEngine.Tests.Storage.Conformance;

/// <summary>Concurrent writers take turns; a reader sees a write whole or not at all.</summary>
public abstract partial class RecordStoreConformance
{
    [Fact]
    public void Concurrent_writers_each_see_every_write_committed_before_theirs()
    {
        const int threads = 8, writes = 20;

        ThreadRace.Run(threads, t =>
        {
            for (var i = 0; i < writes; i++)
            {
                Store.Write(w =>
                {
                    var position = w.All<SampleRecord>().Count + 1;
                    Thread.Yield();
                    w.Claim($"position:{position}");
                    w.Insert(Sample($"t{t}-{i}", position: position));
                    return 0;
                });
            }
        });

        var samples = Store.Read(r => r.All<SampleRecord>());
        Assert.Equal(threads * writes, samples.Count);
        Assert.Equal(Enumerable.Range(1, threads * writes), samples.Select(s => s.Position).Order());
    }

    /// <summary>What a reader can see of the write in <see cref="A_reader_during_a_long_write_sees_all_of_it_or_none"/>.</summary>
    private static (int Samples, int Notes, int Audit, string? Phase) Observe(IRecordReader r) =>
        (r.All<SampleRecord>().Count, r.ForParticipant<SampleNote>("p").Count, r.AuditEntries().Count, r.GetMeta("phase"));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_reader_during_a_long_write_sees_all_of_it_or_none(bool writeCommits)
    {
        Store.Write(w => { w.Insert(Sample("before")); w.SetMeta("phase", "before"); return 0; });
        (int, int, int, string?) before = (1, 0, 0, "before");
        var after = writeCommits ? (2, 1, 1, "after") : before;
        using var writing = new ManualResetEventSlim();
        using var readerInside = new ManualResetEventSlim();
        using var writeEnded = new ManualResetEventSlim();
        var seen = new List<(int, int, int, string?)>();

        ThreadRace.Run(
            () =>
            {
                try
                {
                    Store.Write<int>(w =>
                    {
                        w.Insert(Sample("during"));
                        writing.Set();
                        // A store that keeps readers out during a write never lets the reader in here.
                        readerInside.Wait(TimeSpan.FromMilliseconds(400));
                        w.Insert(new SampleNote("note", "p", "during"));
                        w.AppendAudit(Entry(1));
                        w.SetMeta("phase", "after");
                        return writeCommits ? 0 : throw new WriteAborted();
                    });
                }
                catch (WriteAborted) when (!writeCommits)
                {
                }
                finally
                {
                    writeEnded.Set();
                }
            },
            () =>
            {
                Assert.True(writing.Wait(TimeSpan.FromSeconds(30)));
                Store.Read(r =>
                {
                    readerInside.Set();
                    seen.Add(Observe(r));
                    // The write ends while this read goes on: the rest of the read must not see it either.
                    writeEnded.Wait(TimeSpan.FromSeconds(5));
                    seen.Add(Observe(r));
                    return 0;
                });
            });

        Output.WriteLine($"the reader saw {string.Join(" then ", seen)}");
        Assert.Equal(2, seen.Count);
        Assert.Equal(seen[0], seen[1]);
        Assert.Contains(seen[0], new[] { before, after });
        Assert.Equal(after, Store.Read(Observe));
    }
}
