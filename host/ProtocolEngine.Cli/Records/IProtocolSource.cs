using ProtocolEngine.Engine.Loading;
using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Cli.Records;

/// <summary>Turns `--protocol PATH` into a protocol. The lead wires the YAML loader here (see RecordsCliServices.Default).</summary>
public interface IProtocolSource
{
    /// <summary>Loads and validates the protocol; throws CliInputException with the problems when it is refused.</summary>
    Protocol Load(string path);

    /// <summary>The loaded document behind a protocol this source returned (for its scenarios, paths, version), when there is one.</summary>
    ProtocolDocument? DocumentOf(Protocol protocol);
}
