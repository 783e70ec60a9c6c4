namespace ProtocolEngine.Engine.Endpoints;

/// <summary>Where a participant stands at one assessment visit.</summary>
/// <remarks>NotAssessable: the baseline worst pain is below the endpoint's minimum (Chow et al. 2012: response needs a baseline of at least 2).</remarks>
internal enum Standing { Assessed, Died, LostToFollowUp, Withdrawn, MissingAssessment, Pending, NotAssessable }
