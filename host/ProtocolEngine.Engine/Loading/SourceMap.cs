using System.Runtime.CompilerServices;
using ProtocolEngine.Engine.Diagnostics;

namespace ProtocolEngine.Engine.Loading;

/// <summary>
/// Where each bound object and each of its members came from. Keys are the model objects
/// themselves (by reference) and C# member names, or "[i]" for list items, so the validator and
/// the rule compiler can point at the exact line and column of any value. A protocol reader fills
/// it (<see cref="IProtocolReader"/>); everything after reading only asks.
/// </summary>
public sealed class SourceMap
{
    private sealed class Entry
    {
        public required SourceLocation Start { get; init; }
        public Dictionary<string, (SourceLocation Key, ValueSpan Value)> Members { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Failed { get; } = new(StringComparer.Ordinal);
    }

    private readonly ConditionalWeakTable<object, Entry> _entries = new();

    /// <summary>Source lines of every file read, for mapping offsets inside block scalars.</summary>
    private readonly Dictionary<string, string[]> _lines = new(StringComparer.Ordinal);

    /// <summary>Keeps a file's text, so offsets inside its scalars can be mapped (<see cref="MapOffset"/>).</summary>
    public void AddFile(string file, string text) => _lines[file] = text.ReplaceLineEndings("\n").Split('\n');

    /// <summary>Records where a bound object (a record, a list, a dictionary) starts; the first call for an object wins.</summary>
    public void SetObject(object owner, SourceLocation start)
    {
        if (!_entries.TryGetValue(owner, out _))
            _entries.Add(owner, new Entry { Start = start });
    }

    /// <summary>Records where a member's key and value are written (member: the C# property name, or "[i]" for a list item).</summary>
    public void SetMember(object owner, string member, SourceLocation key, ValueSpan value)
    {
        if (_entries.TryGetValue(owner, out var entry))
            entry.Members[member] = (key, value);
    }

    /// <summary>Records that a member (or "?" for the object as a whole) could not be bound as written.</summary>
    public void MarkFailed(object owner, string member)
    {
        if (_entries.TryGetValue(owner, out var entry))
            entry.Failed.Add(member);
    }

    /// <summary>True when the member was written in the file and bound without error.</summary>
    public bool IsBound(object owner, string member) =>
        _entries.TryGetValue(owner, out var e) && e.Members.ContainsKey(member) && !e.Failed.Contains(member);

    /// <summary>True when the object was read from the file and nothing in its own mapping failed to bind.</summary>
    public bool IsClean(object owner) => _entries.TryGetValue(owner, out var e) && e.Failed.Count == 0;

    /// <summary>Where an object's mapping (or a list's sequence) starts.</summary>
    public SourceLocation? Of(object owner) => _entries.TryGetValue(owner, out var e) ? e.Start : null;

    /// <summary>Where a member's key is written; falls back to the owner's start when the member is absent.</summary>
    public SourceLocation? KeyOf(object owner, string member) =>
        _entries.TryGetValue(owner, out var e)
            ? e.Members.TryGetValue(member, out var m) ? m.Key : e.Start
            : null;

    /// <summary>Where a member's value is written (or a list item's, with member "[i]").</summary>
    public ValueSpan? ValueOf(object owner, string member) =>
        _entries.TryGetValue(owner, out var e) && e.Members.TryGetValue(member, out var m) ? m.Value : null;

    /// <summary>Best location for a member's value: the value, else its key, else the owner, else the file start.</summary>
    public SourceLocation At(object owner, string member, string fallbackFile) =>
        ValueOf(owner, member)?.Start ?? KeyOf(owner, member) ?? new SourceLocation(fallbackFile, 1, 1);

    /// <summary>Best location for an object: its start, else the file start.</summary>
    public SourceLocation At(object owner, string fallbackFile) => Of(owner) ?? new SourceLocation(fallbackFile, 1, 1);

    /// <summary>
    /// Maps a character offset inside a scalar's value back to the file. The value is aligned with
    /// its source text character by character (whitespace runs match whitespace runs, quotes and
    /// block indicators are skipped), so plain, quoted, multi-line and block scalars all map exactly,
    /// short of escape sequences written before the offset.
    /// </summary>
    public SourceLocation MapOffset(ValueSpan span, string value, int offset)
    {
        offset = Math.Clamp(offset, 0, value.Length);
        var start = span.Start;
        if (span.Form == ScalarForm.NotScalar || !_lines.TryGetValue(start.File, out var lines))
            return start;

        // Source cursor: 0-based line and column. Block scalars start on the line after the indicator.
        var line = start.Line - 1;
        var col = start.Column - 1;
        if (span.Form is ScalarForm.Literal or ScalarForm.Folded) { line++; col = 0; }
        else if (span.Form is ScalarForm.SingleQuoted or ScalarForm.DoubleQuoted) col++;

        char? Current() => line < lines.Length ? (col < lines[line].Length ? lines[line][col] : '\n') : null;
        void Advance() { if (line >= lines.Length) return; if (col < lines[line].Length) col++; else { line++; col = 0; } }

        for (var i = 0; i < offset; i++)
        {
            var c = value[i];
            if (char.IsWhiteSpace(c))
            {
                // A run of whitespace in the value matches a run (spaces, line breaks, indentation) in the source.
                while (i + 1 < offset && char.IsWhiteSpace(value[i + 1])) i++;
                var moved = false;
                while (Current() is { } s && char.IsWhiteSpace(s)) { Advance(); moved = true; }
                if (!moved) Advance();
                continue;
            }
            while (Current() is { } s && s != c) Advance();
            Advance();
        }
        // Skip source whitespace (and block indentation) so the location lands on the character itself.
        while (Current() is { } s && char.IsWhiteSpace(s) && !(offset < value.Length && char.IsWhiteSpace(value[offset]))) Advance();
        return line >= lines.Length
            ? start
            : new SourceLocation(start.File, line + 1, col + 1);
    }
}
