namespace ProtocolEngine.Engine.Safety;

/// <summary>The observations SINS is computed from; the location comes from the vertebral level.</summary>
public sealed record SinsInput
{
    public string Level { get; init; } = "";
    public SinsPain Pain { get; init; }
    public SinsBoneLesion BoneLesion { get; init; }
    public SinsAlignment Alignment { get; init; }
    public SinsCollapse Collapse { get; init; }
    public SinsPosterior PosteriorElements { get; init; }
}

public enum SinsPain { PainFree, OccasionalNonMechanical, Mechanical }
public enum SinsBoneLesion { Blastic, Mixed, Lytic }
public enum SinsAlignment { Normal, DeNovoDeformity, Subluxation }
public enum SinsCollapse { None, NoneOverHalfInvolved, UnderHalf, OverHalf }
public enum SinsPosterior { None, Unilateral, Bilateral }
