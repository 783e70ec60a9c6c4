using ProtocolEngine.Engine.Loading;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ProtocolEngine.Yaml.Loading;

/// <summary>
/// YamlDotNet's parser (which keeps its own state on the heap) with the protocol's limits applied to
/// its events before YamlDotNet's representation model, which recurses once per nesting level and has
/// no depth limit of its own in 18.1.0, builds nodes from them: 100,000 nested brackets stop at level
/// <see cref="ProtocolLimits.MaxDepth"/> instead of overflowing the stack.
/// </summary>
internal sealed class LimitedParser(IParser inner, NodeBudget budget) : IParser
{
    private int _depth;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
            return false;
        switch (inner.Current)
        {
            case MappingStart or SequenceStart:
                Count(inner.Current);
                if (++_depth > ProtocolLimits.MaxDepth)
                    throw new ProtocolLimitException(inner.Current.Start,
                        $"mappings and lists nest more than {ProtocolLimits.MaxDepth} levels deep here; a protocol needs far fewer: flatten this value.");
                break;
            case MappingEnd or SequenceEnd:
                _depth--;
                break;
            case Scalar or AnchorAlias:
                Count(inner.Current);
                break;
        }
        return true;
    }

    private void Count(ParsingEvent e)
    {
        if (++budget.Used > ProtocolLimits.MaxNodes)
            throw new ProtocolLimitException(e.Start,
                $"the protocol holds more than {ProtocolLimits.MaxNodes:N0} YAML values (this file and what it includes); a protocol needs far fewer.");
    }
}

/// <summary>How many YAML nodes the files of one protocol have used of <see cref="ProtocolLimits.MaxNodes"/>.</summary>
internal sealed class NodeBudget
{
    public int Used { get; set; }
}

/// <summary>A protocol limit reached while parsing, at the place it was reached.</summary>
internal sealed class ProtocolLimitException(Mark start, string message) : Exception(message)
{
    public Mark Start { get; } = start;
}
