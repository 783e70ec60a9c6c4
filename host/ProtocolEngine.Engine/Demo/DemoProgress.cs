namespace ProtocolEngine.Engine.Demo;

/// <summary>How far the demo is: the simulated day, and days done of the days from the first enrolment to today.</summary>
public readonly record struct DemoProgress(DateOnly Day, int DaysDone, int DaysTotal);
