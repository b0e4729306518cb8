using ArchiveForecast.Training.Configuration;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Training.Data;

/// <summary>Training datasets as files under a local folder (<c>TrainingData:Path</c>, default <c>./training-data</c>).</summary>
public sealed class FolderTrainingDataSource(IOptions<TrainingDataOptions> options) : ITrainingDataSource
{
    private readonly string root = Path.GetFullPath(options.Value.Path);
    private readonly long maxBytes = options.Value.MaxDatasetBytes;

    /// <inheritdoc />
    public string Location => root;

    /// <inheritdoc />
    public Task<Stream> OpenAsync(DatasetPath dataset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        cancellationToken.ThrowIfCancellationRequested();
        string path = Path.GetFullPath(Path.Combine(root, dataset.Value));

        // DatasetPath already keeps the path inside the root; this is the last word should the two ever disagree.
        if (!path.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException("The dataset path leads outside the training data.", nameof(dataset));
        }

        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new FileNotFoundException($"The dataset '{dataset}' does not exist in the training data.");
        }

        if (file.Length > maxBytes)
        {
            throw new TrainingDataException($"The dataset '{dataset}' is {file.Length} bytes, more than the {maxBytes} allowed (TrainingData:MaxDatasetBytes).");
        }

        return Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan));
    }
}
