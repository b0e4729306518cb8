namespace ArchiveForecast.Training.Data;

/// <summary>The training-data store: a folder locally, the <c>training-data</c> blob container in Azure.</summary>
public interface ITrainingDataSource
{
    /// <summary>Where the data lives, for messages (never a key).</summary>
    string Location { get; }

    /// <summary>Opens a dataset (a relative path such as <c>2026/archive.csv</c>) for reading.</summary>
    /// <exception cref="ArgumentException">The path is not a plain relative path (traversal, URL, escapes).</exception>
    /// <exception cref="FileNotFoundException">No such dataset.</exception>
    Task<Stream> OpenAsync(string dataset, CancellationToken cancellationToken);
}
