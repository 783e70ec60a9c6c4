using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace ProtocolEngine.Contracts.Rules;

/// <summary>
/// Raises <see cref="MissingValueException"/> out of line, so the generated property getters that
/// call it stay small enough to be inlined into the rules.
/// </summary>
public static class MissingValue
{
    /// <summary>Throws the missing-value signal for <paramref name="variable"/>; typed to fit any getter.</summary>
    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    public static T Throw<T>(string variable) => throw new MissingValueException(variable);
}
