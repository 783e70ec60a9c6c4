using ProtocolEngine.Contracts;
using ProtocolEngine.Contracts.Plugins;

[assembly: PluginContractVersion(ContractInfo.Version)]

namespace External;

/// <summary>A CTV plugin with one policy: the whole vertebra, sectors 1-6, whatever the lesion.</summary>
public sealed class WholeVertebraPlugin : ICtvSelectionPlugin
{
    public string Name => "WholeVertebra";
    public string Version => "2.3.4";
    public string Description => "Whole-vertebra CTV (control arm).";
    public IReadOnlyList<string> Policies => ["whole-vertebra"];

    public CtvSelection Select(CtvSelectionRequest request)
    {
        if (request.Policy != "whole-vertebra")
            throw new ArgumentException($"policy '{request.Policy}' is unknown; use whole-vertebra");
        if (request.InvolvedSectors.Any(s => s is < 1 or > 6))
            throw new ArgumentException("involved sectors are numbered 1-6");
        return new CtvSelection([1, 2, 3, 4, 5, 6], [], null, "The control arm treats the whole vertebra.");
    }
}
