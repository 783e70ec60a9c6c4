using System.Globalization;
using ProtocolEngine.Engine.Loading;

namespace ProtocolEngine.Engine.Export.Tables;

/// <summary>The one text form of a value in an export table, independent of the machine's culture.</summary>
public static class ExportValues
{
    public static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        float x => x.ToString("R", CultureInfo.InvariantCulture),
        Enum e => Naming.EnumValue(e.ToString()),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>The column type of a CLR type (nullable or not).</summary>
    public static ColumnType TypeOf(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t.IsEnum) return ColumnType.Code;
        if (t == typeof(bool)) return ColumnType.Boolean;
        if (t == typeof(DateOnly)) return ColumnType.Date;
        if (t == typeof(DateTimeOffset)) return ColumnType.DateTime;
        if (t == typeof(double) || t == typeof(float) || t == typeof(decimal)) return ColumnType.Number;
        if (t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(byte)) return ColumnType.Integer;
        return ColumnType.Text;
    }
}
