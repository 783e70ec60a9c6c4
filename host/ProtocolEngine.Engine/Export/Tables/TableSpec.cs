using System.Collections;
using System.Reflection;
using ProtocolEngine.Engine.Loading;

namespace ProtocolEngine.Engine.Export.Tables;

/// <summary>The columns of one table over records of type <typeparamref name="T"/>: how each cell is read from a row.</summary>
internal sealed class TableSpec<T>(string name, string description, ExportCodeLists codeLists)
{
    private readonly List<ExportColumn> _columns = [];
    private readonly List<Func<T, object?>> _cells = [];

    public string Name => name;

    public TableSpec<T> Column(string column, Func<T, object?> cell, Type type, string? unit = null, string? codeList = null, string? about = null)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t.IsEnum) codeList ??= codeLists.Enum(t);
        _columns.Add(new ExportColumn(column, codeList is not null && t == typeof(string) ? ColumnType.Code : ExportValues.TypeOf(t),
            about ?? ColumnDescriptions.Of(name, column), unit ?? ColumnDescriptions.UnitOf(column), codeList));
        _cells.Add(cell);
        return this;
    }

    public TableSpec<T> Column<TValue>(string column, Func<T, TValue> cell, string? unit = null, string? codeList = null, string? about = null) =>
        Column(column, r => cell(r), typeof(TValue), unit, codeList, about);

    /// <summary>
    /// A column for every public scalar property of <typeparamref name="TValue"/> (snake_case names, after
    /// <paramref name="prefix"/>), read through <paramref name="of"/>; lists and maps are left to child tables, nested
    /// records are flattened into prefixed columns. <c>Id</c> becomes <paramref name="idColumn"/>.
    /// </summary>
    public TableSpec<T> Scalars<TValue>(Func<T, TValue?> of, string idColumn = "id", string prefix = "", params string[] skip)
    {
        foreach (var p in typeof(TValue).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.GetIndexParameters().Length > 0 || skip.Contains(p.Name)) continue;
            var column = p.Name == "Id" && prefix.Length == 0 ? idColumn : prefix + Naming.Key(p.Name);
            var type = p.PropertyType;
            object? Read(T row) => of(row) is { } v ? p.GetValue(v) : null;
            if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type)) continue;
            if (IsNestedRecord(type))
            {
                var nested = typeof(TableSpec<T>).GetMethod(nameof(Nested), BindingFlags.NonPublic | BindingFlags.Instance)!.MakeGenericMethod(type);
                nested.Invoke(this, [(Func<T, object?>)Read, column + "_"]);
                continue;
            }
            Column(column, Read, type);
        }
        return this;
    }

    private void Nested<TNested>(Func<T, object?> of, string prefix) where TNested : class => Scalars(r => of(r) as TNested, prefix: prefix);

    private static bool IsNestedRecord(Type type) =>
        type.IsClass && type != typeof(string) && type.GetMethod("<Clone>$") is not null;

    public ExportTable Over(IEnumerable<T> rows) =>
        new(name, description, [.. _columns], rows.Select(r => (IReadOnlyList<string>)[.. _cells.Select(c => ExportValues.Text(c(r)))]));
}
