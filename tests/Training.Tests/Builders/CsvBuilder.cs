using System.Text;

namespace ArchiveForecast.Training.Tests.Builders;

/// <summary>Builds training CSV text: a header and rows of valid values, each overridable by column name.</summary>
internal sealed class CsvBuilder
{
    private static readonly Dictionary<string, string> ValidRow = new()
    {
        ["month"] = "2024-03-01",
        ["total_files"] = "12000",
        ["avg_file_size_mb"] = "2.5",
        ["pct_pdf"] = "0.4",
        ["pct_docx"] = "0.3",
        ["pct_xlsx"] = "0.2",
        ["archive_frequency_per_day"] = "3",
        ["archived_gb_next_period"] = "1.75",
        ["savings_gb_next_period"] = "0.5",
    };

    private List<string> columns = [.. CsvTrainingDataReader.RequiredColumns];
    private readonly List<string> lines = [];
    private string newLine = "\n";
    private bool bom;

    public CsvBuilder WithColumns(params string[] names)
    {
        columns = [.. names];
        return this;
    }

    public CsvBuilder WithCrLf()
    {
        newLine = "\r\n";
        return this;
    }

    public CsvBuilder WithBom()
    {
        bom = true;
        return this;
    }

    /// <summary>Adds a valid row, with <paramref name="overrides"/> ("column=value") replacing values.</summary>
    public CsvBuilder Row(params string[] overrides)
    {
        var values = new Dictionary<string, string>(ValidRow);
        foreach (var pair in overrides)
        {
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            values[pair[..eq]] = pair[(eq + 1)..];
        }

        lines.Add(string.Join(',', columns.Select(c => values.TryGetValue(c, out var v) ? v : "x")));
        return this;
    }

    /// <summary>Adds a line exactly as given.</summary>
    public CsvBuilder Raw(string line)
    {
        lines.Add(line);
        return this;
    }

    public string Build() => string.Join(newLine, [string.Join(',', columns), .. lines]) + newLine;

    public MemoryStream ToStream()
    {
        byte[] text = Encoding.UTF8.GetBytes(Build());
        return new MemoryStream(bom ? [0xEF, 0xBB, 0xBF, .. text] : text);
    }

    public Task<TrainingDataReadResult> ReadAsync() => CsvTrainingDataReader.ReadAsync(ToStream(), null, CancellationToken.None);
}
