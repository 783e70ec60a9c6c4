namespace ProtocolEngine.Engine.Export.Tables;

/// <summary>
/// One tidy table of an export: one row per record (or per item of a record's list), one value per cell, every
/// cell already written as text (<see cref="ExportValues"/>). The rows are read as they are enumerated, once.
/// </summary>
/// <param name="Name">The table's name (its file is <c>NAME.csv</c>).</param>
/// <param name="Description">What one row is.</param>
/// <param name="Columns">The columns, in order.</param>
/// <param name="Rows">The rows: one text per column, empty for a missing value.</param>
public sealed record ExportTable(string Name, string Description, IReadOnlyList<ExportColumn> Columns, IEnumerable<IReadOnlyList<string>> Rows);
