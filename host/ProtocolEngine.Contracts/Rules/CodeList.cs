using System.Collections;

namespace ProtocolEngine.Contracts.Rules;

/// <summary>
/// A protocol's code list as rules see it (<c>CodeLists.name</c>): the codes in the protocol's
/// order, with <see cref="IndexOf"/> and <see cref="Contains"/> in constant time.
/// </summary>
public sealed class CodeList : IReadOnlyList<string>
{
    private readonly string[] _codes;
    private readonly Dictionary<string, int> _index;

    /// <summary>A list of the given codes, in this order.</summary>
    public CodeList(params string[] codes)
    {
        _codes = codes;
        _index = new Dictionary<string, int>(codes.Length, StringComparer.Ordinal);
        for (var i = 0; i < codes.Length; i++)
            _index.TryAdd(codes[i], i);
    }

    /// <summary>Position of a code in the list (0 first), or -1 when it is not in the list.</summary>
    public int IndexOf(string code) => code is not null && _index.TryGetValue(code, out var i) ? i : -1;

    /// <summary>True when the code is in the list.</summary>
    public bool Contains(string code) => code is not null && _index.ContainsKey(code);

    /// <inheritdoc/>
    public string this[int index] => _codes[index];

    /// <inheritdoc/>
    public int Count => _codes.Length;

    /// <inheritdoc/>
    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_codes).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
