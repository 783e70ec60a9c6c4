using ProtocolEngine.Engine.Diagnostics;
using ProtocolEngine.Engine.Loading;
using ProtocolEngine.Engine.Model;

namespace ProtocolEngine.Yaml.Loading;

/// <summary>
/// protocol.yaml read with YamlDotNet's representation model and bound to the model by
/// <see cref="YamlBinder"/>: every problem collected with its place, <c>!include</c> followed, the
/// <see cref="SourceMap"/> filled. The engine's <see cref="ProtocolLoader"/> takes it as its reader.
/// </summary>
public sealed class YamlProtocolReader : IProtocolReader
{
    public BoundProtocol? Read(string path, SourceMap map, DiagnosticBag diagnostics)
    {
        var reader = new YamlDocumentReader(diagnostics, map);
        var root = reader.Read(path, referencedFrom: null);
        if (root is null)
            return null;
        var binder = new YamlBinder(diagnostics, map, reader);
        var protocol = binder.BindRoot<Protocol>(root, path);
        return protocol is null || binder.Stopped ? null : new BoundProtocol(protocol, reader.Files);
    }
}
