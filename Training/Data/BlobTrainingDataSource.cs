using System.Globalization;
using ArchiveForecast.Training.Configuration;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace ArchiveForecast.Training.Data;

/// <summary>
/// Training datasets as blobs of the <c>training-data</c> container, addressed by plain relative paths, and capped in
/// size like the folder's (<c>TrainingData:MaxDatasetBytes</c>).
/// </summary>
/// <param name="container">The container.</param>
/// <param name="maxBytes">The largest dataset read; a larger blob is refused before its content is downloaded.</param>
public sealed class BlobTrainingDataSource(BlobContainerClient container, long maxBytes = TrainingDataOptions.DefaultMaxDatasetBytes) : ITrainingDataSource
{
    /// <inheritdoc />
    public string Location { get; } = new UriBuilder(container.Uri) { Query = string.Empty }.Uri.ToString();

    /// <inheritdoc />
    public async Task<Stream> OpenAsync(DatasetPath dataset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        try
        {
            var response = await container.GetBlobClient(dataset.Value).DownloadStreamingAsync(new BlobDownloadOptions(), cancellationToken);
            long length = response.Value.Details.ContentLength;
            if (length > maxBytes)
            {
                // Only the headers have been read; disposing the body stream drops the rest of the download.
                await response.Value.Content.DisposeAsync();
                throw new TrainingDataException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The dataset '{dataset}' is {length} bytes, more than the {maxBytes} allowed (TrainingData:MaxDatasetBytes)."));
            }

            return response.Value.Content;
        }
        catch (RequestFailedException ex) when (ex.Status == 404 && ex.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            // Run records show these messages to API clients, so they name the dataset and the setting, nothing of the account.
            throw new FileNotFoundException(await CreateMissingContainerAsync(dataset, cancellationToken), dataset.Value, ex);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new FileNotFoundException($"The dataset '{dataset}' does not exist in the training data.", dataset.Value, ex);
        }
    }

    // The container is created when the identity may, so datasets can be uploaded to it; the run fails either way.
    private async Task<string> CreateMissingContainerAsync(DatasetPath dataset, CancellationToken cancellationToken)
    {
        try
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            return $"The dataset '{dataset}' does not exist: the training-data container did not exist and was created empty; upload the dataset to it.";
        }
        catch (RequestFailedException ex) when (ex.Status == 403)
        {
            return $"The dataset '{dataset}' does not exist: the training-data container does not exist and the app's identity may not create it; " +
                $"create the container that {TrainingDataOptions.SectionName}:ContainerUri names.";
        }
    }
}
