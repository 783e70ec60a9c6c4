namespace ProtocolEngine.Cli;

/// <summary>Process exit codes shared by every command.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A failure of the program itself (a bug, an I/O fault): not the user's input.</summary>
    public const int InternalFailure = 1;

    /// <summary>`test`: the run worked and at least one scenario failed (a test runner's usual 1).</summary>
    public const int ScenariosFailed = 1;

    /// <summary>The input was refused: a protocol, participant data or arguments that are wrong.</summary>
    public const int InvalidInput = 2;
}
