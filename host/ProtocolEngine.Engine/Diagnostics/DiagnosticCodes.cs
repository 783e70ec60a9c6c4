namespace ProtocolEngine.Engine.Diagnostics;

/// <summary>Every diagnostic code the engine emits, in one place so that none is used twice.</summary>
public static class DiagnosticCodes
{
    // PE01xx: reading and binding YAML
    public const string FileNotFound = "PE0100";
    public const string YamlSyntax = "PE0101";
    public const string UnknownKey = "PE0102";
    public const string MissingKey = "PE0103";
    public const string WrongType = "PE0104";
    public const string OutOfRange = "PE0105";
    public const string InvalidValue = "PE0106";
    public const string IncludeFailed = "PE0107";
    public const string DuplicateKey = "PE0108";
    public const string LimitExceeded = "PE0109";
    public const string InvalidText = "PE0110";
    public const string OutsideProtocolFolder = "PE0111";

    // PE02xx: protocol semantics
    public const string DuplicateId = "PE0201";
    public const string UndefinedVariable = "PE0202";
    public const string UndefinedCodeList = "PE0203";
    public const string UndefinedArm = "PE0204";
    public const string UndefinedVisit = "PE0205";
    public const string UndefinedEndpoint = "PE0206";
    public const string UndefinedSite = "PE0207";
    public const string UndefinedAnalysisSet = "PE0208";
    public const string FractionationMismatch = "PE0210";
    public const string ImpossibleVisitWindow = "PE0211";
    public const string InconsistentVariable = "PE0212";
    public const string CriterionShape = "PE0213";
    public const string RandomizationSettings = "PE0214";
    public const string ArmsInconsistent = "PE0215";
    public const string ScriptNotFound = "PE0216";
    public const string EmptySection = "PE0217";
    public const string SiteCalendar = "PE0218";
    public const string SiteTimeZone = "PE0219";
    public const string SiteWithoutTimeZone = "PE0220";
    public const string CtvTable = "PE0230";
    public const string UndefinedCtvTable = "PE0231";
    public const string TargetLesions = "PE0232";
    public const string ResourceBound = "PE0240";
    public const string OpenAllocationSecret = "PE0241";
    public const string SampleSizeNotReproduced = "PE0250";

    // PE03xx: rules and scripts
    public const string RuleSyntax = "PE0301";
    public const string RuleCompile = "PE0302";
    public const string RuleForbidden = "PE0303";
    public const string RuleInternal = "PE0304";
    public const string RuleCache = "PE0305";

    // PE04xx: plugins
    public const string UnknownPlugin = "PE0401";
    public const string UnknownPluginPolicy = "PE0402";
}
