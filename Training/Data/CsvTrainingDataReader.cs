using System.Buffers;
using System.Globalization;
using System.Text;
using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Training.Data;

/// <summary>
/// Reads the contract's training CSV: a header row naming the columns (any order; the seven Instance fields and the two
/// targets are required, <c>source_id</c> is kept, anything else is ignored), comma-separated, RFC 4180 quoting,
/// invariant culture, UTF-8 with or without a BOM. Each bad row is rejected with its line number and every reason; a
/// file without a usable header is refused whole with a <see cref="TrainingDataException"/>. The file is streamed.
/// </summary>
public static class CsvTrainingDataReader
{
    /// <summary>The optional column naming the archive source of a row.</summary>
    public const string SourceIdColumn = "source_id";

    /// <summary>How many rejections are kept with their reasons; the rest are only counted.</summary>
    public const int MaxRejectionsKept = 1000;

    private const int ChunkChars = 16 * 1024;
    private const int ProgressEveryRows = 10_000;
    private const int MaxEchoedChars = 24;
    private const double MaxExactInteger = 9_007_199_254_740_992; // 2^53: beyond it a double no longer holds every whole number

    /// <summary>The required columns in contract order: the Instance fields, then the targets.</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } = [.. FieldNames.Inputs, .. FieldNames.Targets];

    /// <summary>Reads every row of <paramref name="stream"/> (left open).</summary>
    /// <param name="stream">The CSV bytes.</param>
    /// <param name="progress">Receives the number of rows read so far, now and then.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <exception cref="TrainingDataException">The file has no usable header or is not UTF-8.</exception>
    public static async Task<TrainingDataReadResult> ReadAsync(Stream stream, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(
            stream,
            new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true),
            detectEncodingFromByteOrderMarks: true,
            bufferSize: ChunkChars,
            leaveOpen: true);

        var tokenizer = new CsvTokenizer();
        var state = new ReadState();
        char[] buffer = ArrayPool<char>.Shared.Rent(ChunkChars);
        try
        {
            int count;
            do
            {
                try
                {
                    count = await reader.ReadAsync(buffer.AsMemory(0, ChunkChars), cancellationToken);
                }
                catch (DecoderFallbackException ex)
                {
                    throw new TrainingDataException($"The file is not valid UTF-8 (near line {tokenizer.Line}).", ex);
                }

                if (count == 0)
                {
                    tokenizer.Complete();
                }
                else
                {
                    tokenizer.Feed(buffer.AsSpan(0, count));
                }

                while (tokenizer.TryTake(out var record))
                {
                    state.Accept(record);
                    if (state.RowsRead % ProgressEveryRows == 0 && state.RowsRead > 0)
                    {
                        progress?.Report(state.RowsRead);
                    }
                }
            }
            while (count > 0);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }

        if (state.Columns is null)
        {
            throw new TrainingDataException(
                $"The file is empty: a training file starts with a header row naming the columns {string.Join(", ", RequiredColumns)}.");
        }

        progress?.Report(state.RowsRead);
        return new TrainingDataReadResult(state.Accepted, state.Rejections, state.RowsRead, state.RowsRejected);
    }

    /// <summary>Reads a file from disk.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="TrainingDataException">The file has no usable header or is not UTF-8.</exception>
    public static async Task<TrainingDataReadResult> ReadFileAsync(string path, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return await ReadAsync(stream, progress, cancellationToken);
    }

    private static ColumnMap MapHeader(CsvRawRecord header)
    {
        if (header.Error is not null)
        {
            throw new TrainingDataException($"The header row (line {header.Line}) cannot be read: {header.Error}.");
        }

        var positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var known = new HashSet<string>([.. RequiredColumns, SourceIdColumn], StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < header.Fields.Length; i++)
        {
            string name = header.Fields[i].Trim();
            if (known.Contains(name) && !positions.TryAdd(name, i))
            {
                throw new TrainingDataException($"The header row names the column {name.ToLowerInvariant()} twice.");
            }
        }

        var missing = RequiredColumns.Where(c => !positions.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new TrainingDataException(
                $"The header row lacks the required column{(missing.Count > 1 ? "s" : string.Empty)} {string.Join(", ", missing)}. " +
                $"A training file needs {string.Join(", ", RequiredColumns)} (in any order; other columns are ignored).");
        }

        int[] required = [.. RequiredColumns.Select(c => positions[c])];
        return new ColumnMap(header.Fields.Length, required, positions.TryGetValue(SourceIdColumn, out int source) ? source : -1);
    }

    private static TrainingExample? ParseRow(CsvRawRecord record, ColumnMap map, List<string> errors, HashSet<string> unparsed)
    {
        if (record.Error is not null)
        {
            errors.Add(record.Error);
            return null;
        }

        if (record.Fields.Length != map.FieldCount)
        {
            errors.Add($"the row has {record.Fields.Length} field{(record.Fields.Length == 1 ? string.Empty : "s")} where the header has {map.FieldCount}");
            return null;
        }

        string Field(int index) => record.Fields[map.Required[index]].Trim();

        if (!MonthFormat.TryParse(Field(0), out var month, out string monthError))
        {
            errors.Add(monthError.TrimEnd('.'));
        }

        long totalFiles = ParseInteger(Field(1), FieldNames.TotalFiles, errors, unparsed);
        double avgFileSize = ParseNumber(Field(2), FieldNames.AvgFileSizeMb, errors, unparsed);
        double pctPdf = ParseNumber(Field(3), FieldNames.PctPdf, errors, unparsed);
        double pctDocx = ParseNumber(Field(4), FieldNames.PctDocx, errors, unparsed);
        double pctXlsx = ParseNumber(Field(5), FieldNames.PctXlsx, errors, unparsed);
        double frequency = ParseNumber(Field(6), FieldNames.ArchiveFrequencyPerDay, errors, unparsed);
        double archived = ParseNumber(Field(7), FieldNames.ArchivedGbNextPeriod, errors, unparsed);
        double savings = ParseNumber(Field(8), FieldNames.SavingsGbNextPeriod, errors, unparsed);

        // The value rules run even when some field did not parse, so that a row's every problem is reported at once;
        // rules over a field that did not parse are left out (its parse error says enough).
        var input = new ForecastInput(month, totalFiles, avgFileSize, pctPdf, pctDocx, pctXlsx, frequency);
        var targets = new ForecastTargets(archived, savings);
        foreach (var error in InstanceRules.Validate(input).Concat(InstanceRules.Validate(targets)))
        {
            if (!unparsed.Contains(error.Field))
            {
                errors.Add(error.Detail.TrimEnd('.'));
            }
        }

        if (errors.Count > 0)
        {
            return null;
        }

        string? sourceId = map.SourceId < 0 ? null : record.Fields[map.SourceId].Trim();
        return new TrainingExample(input, targets, string.IsNullOrEmpty(sourceId) ? null : sourceId);
    }

    private static double ParseNumber(string text, string field, List<string> errors, HashSet<string> unparsed)
    {
        if (TryParseNumber(text, field, errors, out double value))
        {
            return value;
        }

        unparsed.Add(field);
        return double.NaN;
    }

    private static bool TryParseNumber(string text, string field, List<string> errors, out double value)
    {
        if (text.Length == 0)
        {
            errors.Add($"{field} is empty");
            value = double.NaN;
            return false;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            errors.Add($"{field} is not a number: '{Echo(text)}'");
            return false;
        }

        // Non-finite values (NaN, 1e400) parse; the value rules reject them with the contract's wording.
        return true;
    }

    private static long ParseInteger(string text, string field, List<string> errors, HashSet<string> unparsed)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            return value;
        }

        if (TryParseNumber(text, field, errors, out double number))
        {
            // Exporters that went through floating point write whole counts as "120.0"; those are still whole.
            if (double.IsFinite(number) && number == Math.Floor(number) && Math.Abs(number) <= MaxExactInteger)
            {
                return (long)number;
            }

            errors.Add(double.IsFinite(number) ? $"{field} must be a whole number, not '{Echo(text)}'" : $"{field} must be a finite whole number");
        }

        unparsed.Add(field);
        return 0;
    }

    private static string Echo(string text) => text.Length <= MaxEchoedChars ? text : string.Concat(text.AsSpan(0, MaxEchoedChars), "…");

    private sealed record ColumnMap(int FieldCount, int[] Required, int SourceId);

    private sealed class ReadState
    {
        private readonly List<string> errors = [];
        private readonly HashSet<string> unparsed = new(StringComparer.Ordinal);

        public ColumnMap? Columns { get; private set; }

        public List<TrainingExample> Accepted { get; } = [];

        public List<CsvRejection> Rejections { get; } = [];

        public int RowsRead { get; private set; }

        public int RowsRejected { get; private set; }

        public void Accept(CsvRawRecord record)
        {
            if (Columns is null)
            {
                Columns = MapHeader(record);
                return;
            }

            RowsRead++;
            errors.Clear();
            unparsed.Clear();
            var example = ParseRow(record, Columns, errors, unparsed);
            if (example is not null)
            {
                Accepted.Add(example);
                return;
            }

            RowsRejected++;
            if (Rejections.Count < MaxRejectionsKept)
            {
                Rejections.Add(new CsvRejection(record.Line, string.Join("; ", errors)));
            }
        }
    }
}
