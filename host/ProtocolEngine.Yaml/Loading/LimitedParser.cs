using ProtocolEngine.Engine.Loading;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace ProtocolEngine.Yaml.Loading;

/// <summary>
/// YamlDotNet's parser (which keeps its own state on the heap) with the protocol's limits applied to
/// its events before YamlDotNet's representation model, which recurses once per nesting level and has
/// no depth limit of its own in 18.1.0, builds nodes from them: 100,000 nested brackets stop at level
/// <see cref="ProtocolLimits.MaxDepth"/> instead of overflowing the stack. YamlDotNet 18.1.0's scanner also
/// throws a bare <see cref="InvalidOperationException"/> on some malformed text (a flow mapping left open
/// with a key ending in ':' at the end of a line, found by fuzzing), and its parser a bare
/// <see cref="ArgumentException"/> on a tag it cannot name (<c>!&lt;&gt;</c>, <c>!!a]b</c>): each becomes a syntax
/// error at the end of the last event read, like any other.
/// </summary>
internal sealed class LimitedParser(IParser inner, NodeBudget budget) : IParser
{
    private int _depth;
    private Mark? _previous;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        var last = inner.Current?.End ?? new Mark(0, 1, 1);
        _previous = inner.Current?.Start;
        bool more;
        try
        {
            more = inner.MoveNext();
        }
        catch (InvalidOperationException)
        {
            throw new SyntaxErrorException(last, last,
                "the text after this place cannot be read as YAML; look for a '{' or '[' that is not closed, or a key ending in ':' inside one (quote such a value).");
        }
        catch (ArgumentException ex) when (ex.ParamName == "value")
        {
            // A tag YamlDotNet's scanner took but its TagName refuses (`!<>`, `!!a]b`): "Global tags must be valid URIs."
            throw new SyntaxErrorException(last, last,
                $"a tag (!name) after this place is not valid ({ex.Message.Replace(" (Parameter 'value')", "", StringComparison.Ordinal)}); a protocol needs no tags but !include: remove it, or quote the value.");
        }
        if (!more)
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

    /// <summary>
    /// Loads <paramref name="stream"/> from this parser. YamlDotNet 18.1.0's representation model throws a bare
    /// <see cref="ArgumentException"/> on an event its own parser should not have produced (found by fuzzing: a
    /// <c>---</c> inside a block mapping followed by <c>: x</c>): that becomes a syntax error at that event.
    /// </summary>
    public void LoadInto(YamlStream stream)
    {
        try
        {
            stream.Load(this);
        }
        catch (ArgumentException ex) when (ex.ParamName == "parser")
        {
            // The refused event is often the end of the stream: the one before it is where the author looks.
            var at = _previous ?? inner.Current?.Start ?? new Mark(0, 1, 1);
            throw new SyntaxErrorException(at, at,
                "the text here cannot be read as YAML (a '---' or '...' inside a mapping, or a key with no name?); check the lines around it.");
        }
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
