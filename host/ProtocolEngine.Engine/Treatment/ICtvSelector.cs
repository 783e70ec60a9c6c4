using ProtocolEngine.Contracts.Plugins;
using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Engine.Treatment;

/// <summary>
/// Chooses the CTV of one lesion under an arm's policy (the arm's CTV plugin, through <see cref="PluginCtvSelector"/>).
/// Called inside the randomization transaction: deterministic for its inputs, no I/O.
/// </summary>
public interface ICtvSelector
{
    /// <exception cref="ArgumentException">The lesion or the table cannot be used; the message says why.</exception>
    CtvSelection Select(Arm arm, CtvLesion lesion);
}
