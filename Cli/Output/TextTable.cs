using System.Globalization;
using System.Text;

namespace ArchiveForecast.Cli.Output;

/// <summary>A plain text table: columns padded to their widest cell, numbers right-aligned.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> rows = [];

    public TextTable Add(params string[] cells)
    {
        rows.Add(cells);
        return this;
    }

    public static string Number(double value) =>
        double.IsFinite(value) ? value.ToString(Math.Abs(value) >= 1000 ? "N0" : "0.####", CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture);

    public static string MeanSd(double mean, double sd) =>
        $"{mean.ToString("0.####", CultureInfo.InvariantCulture)} ± {sd.ToString("0.####", CultureInfo.InvariantCulture)}";

    public override string ToString()
    {
        int[] widths = new int[headers.Length];
        foreach (var row in rows.Prepend(headers))
        {
            for (int i = 0; i < widths.Length && i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        var text = new StringBuilder();
        foreach (var row in rows.Prepend(headers))
        {
            text.Append("  ");
            for (int i = 0; i < widths.Length; i++)
            {
                string cell = i < row.Length ? row[i] : string.Empty;
                bool numeric = i > 0 && cell.Length > 0 && (char.IsAsciiDigit(cell[0]) || cell[0] == '-') && !ReferenceEquals(row, headers);
                text.Append(numeric ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]));
                text.Append(i < widths.Length - 1 ? "  " : string.Empty);
            }

            while (text.Length > 0 && text[^1] == ' ')
            {
                text.Length--;
            }

            text.Append('\n');
        }

        return text.ToString().TrimEnd('\n');
    }
}
