namespace ProtocolEngine.Engine.Scenarios;

/// <summary>The result of running one scenario: passed, or every difference from what was expected.</summary>
public sealed record ScenarioOutcome(ScenarioCase Case, IReadOnlyList<string> Failures)
{
    public bool Passed => Failures.Count == 0;
}
