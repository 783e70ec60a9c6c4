namespace ProtocolEngine.Engine.Endpoints;

/// <summary>Where a participant stands at one assessment visit.</summary>
internal enum Standing { Assessed, Died, LostToFollowUp, Withdrawn, MissingAssessment, Pending }
