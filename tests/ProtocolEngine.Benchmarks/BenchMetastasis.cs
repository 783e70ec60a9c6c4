namespace ProtocolEngine.Benchmarks;

/// <summary>One vertebral metastasis, hand-written (the peer implementations' record type).</summary>
public sealed class BenchMetastasis
{
    public string level { get; set; } = "";
    public int[] sectors { get; set; } = [];
    public bool epidural_extension { get; set; }
    public bool painful { get; set; }
}
