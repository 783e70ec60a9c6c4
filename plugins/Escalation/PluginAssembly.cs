using ProtocolEngine.Contracts;
using ProtocolEngine.Contracts.Plugins;

// The constant is copied into this assembly when it is compiled: the host compares it with its own.
[assembly: PluginContractVersion(ContractInfo.Version)]
