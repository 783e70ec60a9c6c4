namespace ProtocolEngine.Fuzz;

/// <summary>
/// One surface under fuzzing. <see cref="Run"/> takes one input; it returns when the input was handled the
/// documented way (a result, or a refusal with a located message) and throws <see cref="FuzzFailure"/> (or lets
/// any other exception escape) when it was not: afl-fuzz counts an escaping exception as a crash.
/// </summary>
public interface IFuzzTarget
{
    /// <summary>The name used on the command line and as the corpus folder (<c>corpus/NAME</c>).</summary>
    string Name { get; }

    /// <summary>Handles one input; throws when the product did not handle it the documented way.</summary>
    void Run(byte[] input);
}
