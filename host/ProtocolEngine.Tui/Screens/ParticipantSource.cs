using System.Collections;
using System.Collections.Specialized;
using ProtocolEngine.Engine.Workspace;
using Terminal.Gui.Views;

namespace ProtocolEngine.Tui.Screens;

/// <summary>
/// The participant list as a ListView source that reads one page of rows at a time from the workspace (the list
/// knows the number that match and asks only for the rows it draws), so a 10,000-participant trial draws as fast as a small one.
/// </summary>
public sealed class ParticipantSource : IListDataSource
{
    public const int PageSize = 200;
    private readonly ITrialWorkspace _workspace;
    private readonly string? _text;
    private readonly Dictionary<int, IReadOnlyList<ParticipantRow>> _pages = [];

    public ParticipantSource(ITrialWorkspace workspace, string? text)
    {
        _workspace = workspace;
        _text = text;
        var first = workspace.Participants(new ParticipantQuery(text, null, 0, PageSize));
        _pages[0] = first.Rows;
        Count = first.Total;
    }

#pragma warning disable CS0067 // the rows never change under the list: a new filter makes a new source
    public event NotifyCollectionChangedEventHandler? CollectionChanged;
#pragma warning restore CS0067

    public int Count { get; }

    public int MaxItemLength => 72;

    public bool SuspendCollectionChangedEvent { get; set; }

    /// <summary>The row at <paramref name="index"/>, read with its page when it is not loaded.</summary>
    public ParticipantRow Row(int index)
    {
        var page = index / PageSize;
        if (!_pages.TryGetValue(page, out var rows))
            _pages[page] = rows = _workspace.Participants(new ParticipantQuery(_text, null, page * PageSize, PageSize)).Rows;
        return rows[index - page * PageSize];
    }

    public static string Format(ParticipantRow r) =>
        $"{r.Id,-16} {r.Initials,-4} {r.Sex,-6} {r.BirthYear} {r.Status,-11} reg {r.RegisteredOn:yyyy-MM-dd}";

    public bool IsMarked(int item) => false;

    public void SetMark(int item, bool value) { }

    public void Render(ListView listView, bool selected, int item, int col, int line, int width, int viewportX = 0)
    {
        listView.Move(Math.Max(col - viewportX, 0), line);
        var text = item < Count ? Format(Row(item)) : "";
        text = viewportX < text.Length ? text[viewportX..] : "";
        listView.AddStr(text.Length >= width ? text[..width] : text.PadRight(width));
    }

    public IList ToList() => new RowList(this);

    public void Dispose() { }

    /// <summary>The rows as a read-only list read page by page.</summary>
    private sealed class RowList(ParticipantSource source) : IList
    {
        public object? this[int index] { get => source.Row(index); set => throw new NotSupportedException(); }
        public bool IsFixedSize => true;
        public bool IsReadOnly => true;
        public int Count => source.Count;
        public bool IsSynchronized => false;
        public object SyncRoot => this;
        public int Add(object? value) => throw new NotSupportedException();
        public void Clear() => throw new NotSupportedException();
        public bool Contains(object? value) => IndexOf(value) >= 0;
        public int IndexOf(object? value) => -1;
        public void Insert(int index, object? value) => throw new NotSupportedException();
        public void Remove(object? value) => throw new NotSupportedException();
        public void RemoveAt(int index) => throw new NotSupportedException();
        public void CopyTo(Array array, int index) { for (var i = 0; i < Count; i++) array.SetValue(source.Row(i), index + i); }
        public IEnumerator GetEnumerator() { for (var i = 0; i < Count; i++) yield return source.Row(i); }
    }
}
