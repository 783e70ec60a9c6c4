namespace ProtocolEngine.Engine.Reporting;

/// <summary>Which step of building the report is running: step <see cref="Step"/> of <see cref="Steps"/>, named.</summary>
/// <param name="Step">Steps done before this one (0 at the start, <see cref="Steps"/> when finished).</param>
/// <param name="Steps">Steps in all.</param>
/// <param name="Name">What the step does.</param>
public sealed record ReportProgress(int Step, int Steps, string Name);
