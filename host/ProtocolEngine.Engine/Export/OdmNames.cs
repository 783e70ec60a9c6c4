namespace ProtocolEngine.Engine.Export;

/// <summary>OIDs of the fixed study events, forms and item groups the ODM export writes beside the protocol's visits.</summary>
internal static class OdmNames
{
    public const string Ns = "http://www.cdisc.org/ns/odm/v1.3";
    public const string Screening = "SCREENING", Randomization = "RANDOMIZATION", Treatment = "TREATMENT", Safety = "SAFETY", End = "END";
    public const string Eligibility = "ELIGIBILITY", Fraction = "FRACTION", Pain = "PAIN", Ae = "AE", Imaging = "IMAGING", Withdrawal = "WITHDRAWAL";
    public const string Course = "COURSE", Diary = "DIARY", Vital = "VITAL";

    public static string Oid(string prefix, string id) => $"{prefix}.{new string([.. id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_')])}";

    /// <summary>The form a protocol visit's `collect` entry maps to.</summary>
    public static string FormFor(string collect) => collect switch
    {
        "pain" or "analgesics" => Pain,
        "adverse-events" => Ae,
        "imaging" => Imaging,
        _ => collect.ToUpperInvariant(),
    };
}
