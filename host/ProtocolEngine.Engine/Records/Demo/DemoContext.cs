using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Records.Services;

namespace ProtocolEngine.Engine.Records.Demo;

/// <summary>What every participant's plan shares: the protocol, the users entering data, the random source and the last simulated day.</summary>
internal sealed record DemoContext(Protocol Protocol, TrialSession Coordinator, TrialSession Investigator, Random Random, DateOnly Today);
