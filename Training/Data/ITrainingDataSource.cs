namespace ArchiveForecast.Training.Data;

/// <summary>The training-data store: a folder locally, the <c>training-data</c> blob container in Azure.</summary>
public interface ITrainingDataSource
{
    /// <summary>Where the data lives, for messages (never a key).</summary>
    string Location { get; }

    /// <summary>Opens a dataset (a relative path such as <c>2026/archive.csv</c>, checked where the request entered) for reading.</summary>
    /// <exception cref="FileNotFoundException">No such dataset.</exception>
    /// <exception cref="TrainingDataException">The dataset is larger than <c>TrainingData:MaxDatasetBytes</c>.</exception>
    Task<Stream> OpenAsync(DatasetPath dataset, CancellationToken cancellationToken);
}
