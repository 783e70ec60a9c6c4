namespace ProtocolEngine.Engine.Export.Tables;

/// <summary>One column of an export table, as the data dictionary describes it.</summary>
/// <param name="Name">The column's header (snake_case).</param>
/// <param name="Type">What its cells hold.</param>
/// <param name="Description">What it means.</param>
/// <param name="Unit">The unit of its numbers (UCUM where one exists), if any.</param>
/// <param name="CodeList">For codes: the code list (in <c>code_lists</c>) its values come from.</param>
public sealed record ExportColumn(string Name, ColumnType Type, string Description, string? Unit = null, string? CodeList = null);

/// <summary>
/// What a cell holds, written as text the same on every machine: integers and numbers with a decimal point and
/// no separators, booleans true/false, dates yyyy-MM-dd, date-times ISO 8601 in UTC (…Z), codes as in their code list.
/// </summary>
public enum ColumnType { Text, Integer, Number, Boolean, Date, DateTime, Code }
