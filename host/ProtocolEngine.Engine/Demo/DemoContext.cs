using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Trial;

namespace ProtocolEngine.Engine.Demo;

/// <summary>What every participant's plan shares: the protocol, the users entering data, the random source and the last simulated day.</summary>
internal sealed record DemoContext(Protocol Protocol, TrialSession Coordinator, TrialSession Investigator, Random Random, DateOnly Today);
