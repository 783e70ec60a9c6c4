namespace ProtocolEngine.Contracts.Plugins;

/// <summary>
/// Chooses the bony clinical target volume (CTV) of a vertebral lesion under an arm's policy. Sectors are
/// numbered as the ISRC consensus (Cox et al. 2012): 1 vertebral body, 2 left pedicle, 3 left transverse
/// process and lamina, 4 spinous process, 5 right transverse process and lamina, 6 right pedicle.
/// The policy's table is data the protocol supplies, not code in the plugin.
/// </summary>
public interface ICtvSelectionPlugin : IPlugin
{
    /// <summary>The policy names this plugin understands (e.g. "isrc-consensus", "whole-vertebra").</summary>
    IReadOnlyList<string> Policies { get; }

    /// <summary>Selects the CTV sectors for one lesion.</summary>
    /// <exception cref="ArgumentException">Unknown policy, a sector outside 1-6, or a table the policy cannot use; the message says which.</exception>
    CtvSelection Select(CtvSelectionRequest request);
}
