namespace ProtocolEngine.Contracts.Plugins;

/// <summary>A computed sample size.</summary>
/// <param name="ExperimentalEvaluable">Evaluable participants needed in the experimental arm.</param>
/// <param name="ControlEvaluable">Evaluable participants needed in the control arm.</param>
/// <param name="TotalEnrolled">Participants to enrol once inflated for loss to follow-up.</param>
/// <param name="AchievedPower">Power with the rounded-up evaluable numbers.</param>
/// <param name="Method">The method used, for the report (e.g. "Farrington-Manning score, Fleiss continuity").</param>
public sealed record SampleSizeResult(int ExperimentalEvaluable, int ControlEvaluable, int TotalEnrolled, double AchievedPower, string Method);
