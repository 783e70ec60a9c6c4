using ProtocolEngine.Contracts.Plugins;

namespace ProtocolEngine.Plugins.Statistics.Checks;

/// <summary>The sample-size methods by name.</summary>
internal static class Methods
{
    public const string ChowShaoWang = "chow-shao-wang";
    public const string FarringtonManning = "farrington-manning";

    /// <summary>The design's method, "chow-shao-wang" when none is given.</summary>
    public static string Of(NonInferiorityDesign d) => d.Method switch
    {
        null or "" or ChowShaoWang => ChowShaoWang,
        FarringtonManning => FarringtonManning,
        var other => throw new ArgumentException($"sample-size method '{other}' is unknown; use {ChowShaoWang} or {FarringtonManning}."),
    };
}
