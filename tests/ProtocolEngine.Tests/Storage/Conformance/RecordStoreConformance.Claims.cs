namespace ProtocolEngine.Tests.Storage.Conformance;

/// <summary>Unique claims: a key is taken once, by one write, also when writers race for it.</summary>
public abstract partial class RecordStoreConformance
{
    [Fact]
    public void A_claimed_key_is_refused_afterwards_naming_the_key()
    {
        const string key = "randomization:participant:mch-001";
        Store.Write(w => { w.Claim(key); return 0; });

        var refused = Assert.Throws<UniqueKeyConflictException>(() => Store.Write(w => { w.Claim(key); return 0; }));
        Assert.Equal(key, refused.Key);
        ReopenStore();
        Assert.Throws<UniqueKeyConflictException>(() => Store.Write(w => { w.Claim(key); return 0; }));
        Store.Write(w => { w.Claim(key + "#2"); return 0; });
    }

    [Fact]
    public void A_key_claimed_twice_in_one_write_is_refused_the_second_time()
    {
        Store.Write(w =>
        {
            w.Claim("k");
            Assert.Throws<UniqueKeyConflictException>(() => w.Claim("k"));
            return 0;
        });

        Assert.True(IsClaimed("k"));
    }

    [Fact]
    public void A_key_claimed_in_a_write_that_failed_is_free()
    {
        Assert.Throws<WriteAborted>(() => Store.Write<int>(w =>
        {
            w.Claim("k");
            throw new WriteAborted();
        }));

        Store.Write(w => { w.Claim("k"); return 0; });
        Assert.True(IsClaimed("k"));
    }

    [Fact]
    public void Of_writers_racing_for_the_same_keys_exactly_one_takes_each()
    {
        const int threads = 6, keys = 15;
        var won = new int[threads];
        var refused = new int[threads];

        ThreadRace.Run(threads, t =>
        {
            foreach (var k in Enumerable.Range(1, keys).OrderBy(k => (k * 7 + t * 13) % keys))
            {
                try
                {
                    Store.Write(w =>
                    {
                        w.Claim($"slot:{k}");
                        Thread.Yield();
                        w.Insert(Sample($"slot-{k}-by-{t}", participant: $"slot-{k}"));
                        return 0;
                    });
                    won[t]++;
                }
                catch (UniqueKeyConflictException)
                {
                    refused[t]++;
                }
            }
        });

        Assert.Equal(keys, won.Sum());
        Assert.Equal(keys * (threads - 1), refused.Sum());
        Assert.Equal(Enumerable.Range(1, keys).Select(k => $"slot-{k}").Order(StringComparer.Ordinal), Store.Read(r => r.All<SampleRecord>()).Select(s => s.ParticipantId).Order(StringComparer.Ordinal));
    }
}
