using System.Globalization;

namespace OneThing.Host.Documents;

/// <summary>The table of a result document: optional column headers, relative column widths, and rows of cells.</summary>
/// <param name="Columns">Header cells; empty for a label/value table (the first column is then shaded as labels).</param>
/// <param name="Widths">Relative width of each column.</param>
/// <param name="Rows">Each row has one cell per column.</param>
public sealed record ResultTable(IReadOnlyList<string> Columns, IReadOnlyList<double> Widths, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>Label/value rows, e.g. (姓名, 张小明), (出生日期, 2026年11月20日).</summary>
    public static ResultTable Fields(params IEnumerable<(string Label, string Value)> fields) =>
        new([], [0.3, 0.7], [.. fields.Select(f => (IReadOnlyList<string>)[f.Label, f.Value])]);

    /// <summary>The completion notice (办结通知书): one row per matter — 事项, 办理部门, 结果, 日期.</summary>
    public static ResultTable Matters(params IEnumerable<MatterOutcome> matters) =>
        new(["事项 Matter", "办理部门 Department", "结果 Result", "日期 Date"], [0.27, 0.35, 0.2, 0.18],
            [.. matters.Select(m => (IReadOnlyList<string>)[m.Matter, m.Department, m.Result, m.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)])]);

    /// <summary>Throws when a row's cell count differs from the column count.</summary>
    public void Validate()
    {
        if (Columns.Count > 0 && Columns.Count != Widths.Count)
        {
            throw new ArgumentException($"The table has {Columns.Count} columns but {Widths.Count} widths.");
        }

        if (Widths.Count == 0 || Widths.Any(w => w <= 0))
        {
            throw new ArgumentException("Every column needs a positive width.");
        }

        var wrong = Rows.Select((r, i) => (r, i)).FirstOrDefault(x => x.r.Count != Widths.Count);
        if (wrong.r is not null)
        {
            throw new ArgumentException($"Row {wrong.i + 1} has {wrong.r.Count} cells; the table has {Widths.Count} columns.");
        }
    }
}
