using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Training.Data;

/// <summary>The data a run trains on: a CSV stream (a file, a dataset of the training-data store) or rows already in memory.</summary>
public sealed class TrainingDataInput
{
    private readonly Func<CancellationToken, Task<Stream>>? open;
    private readonly IReadOnlyList<TrainingExample>? rows;

    private TrainingDataInput(string description, Func<CancellationToken, Task<Stream>>? open, IReadOnlyList<TrainingExample>? rows)
    {
        Description = description;
        this.open = open;
        this.rows = rows;
    }

    /// <summary>What the data is, for the run record and the model card (a file name, a dataset path relative to its store, <c>synthetic ...</c>).</summary>
    public string Description { get; }

    /// <summary>A CSV stream opened when the run reads it (and disposed after).</summary>
    public static TrainingDataInput FromStream(string description, Func<CancellationToken, Task<Stream>> open) =>
        new(description, open, null);

    /// <summary>A CSV file on disk, described by its file name only: the card and the run record never hold a local path.</summary>
    public static TrainingDataInput FromFile(string path) =>
        FromStream(Path.GetFileName(path), _ => Task.FromResult<Stream>(
            new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan)));

    /// <summary>A dataset of the training-data store.</summary>
    public static TrainingDataInput FromDataset(ITrainingDataSource source, DatasetPath dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return FromStream(dataset.Value, cancellationToken => source.OpenAsync(dataset, cancellationToken));
    }

    /// <summary>
    /// Rows in memory (such as <see cref="SyntheticDataGenerator"/>'s). They are validated like CSV rows; a rejected row
    /// is reported at the line it would have in a CSV written by <see cref="TrainingDataCsvWriter"/> (row i at line i + 2).
    /// </summary>
    public static TrainingDataInput FromRows(string description, IReadOnlyList<TrainingExample> rows) => new(description, null, rows);

    /// <summary>Reads and validates the data; <paramref name="sourceColumn"/> names the CSV column of each row's source.</summary>
    /// <exception cref="TrainingDataException">A CSV without a usable header.</exception>
    public async Task<TrainingDataReadResult> ReadAsync(IProgress<int>? progress, string sourceColumn, CancellationToken cancellationToken)
    {
        if (rows is not null)
        {
            return Validate(rows);
        }

        await using var stream = await open!(cancellationToken);
        return await CsvTrainingDataReader.ReadAsync(stream, progress, sourceColumn, cancellationToken);
    }

    /// <inheritdoc />
    public override string ToString() => Description;

    private static TrainingDataReadResult Validate(IReadOnlyList<TrainingExample> rows)
    {
        var accepted = new List<TrainingExample>(rows.Count);
        var rejections = new List<CsvRejection>();
        int rejected = 0;
        for (int i = 0; i < rows.Count; i++)
        {
            var errors = InstanceRules.Validate(rows[i].Input).Concat(InstanceRules.Validate(rows[i].Targets)).ToList();
            if (errors.Count == 0)
            {
                accepted.Add(rows[i]);
                continue;
            }

            rejected++;
            if (rejections.Count < CsvTrainingDataReader.MaxRejectionsKept)
            {
                rejections.Add(new CsvRejection(i + 2, string.Join("; ", errors.Select(e => e.Detail.TrimEnd('.')))));
            }
        }

        return new TrainingDataReadResult(accepted, rejections, rows.Count, rejected);
    }
}
