using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace ArchiveForecast.Training.Data;

/// <summary>Training datasets as blobs of the <c>training-data</c> container, addressed by plain relative paths.</summary>
/// <param name="container">The container.</param>
public sealed class BlobTrainingDataSource(BlobContainerClient container) : ITrainingDataSource
{
    /// <inheritdoc />
    public string Location { get; } = new UriBuilder(container.Uri) { Query = string.Empty }.Uri.ToString();

    /// <inheritdoc />
    public async Task<Stream> OpenAsync(string dataset, CancellationToken cancellationToken)
    {
        if (!DatasetPath.IsValid(dataset))
        {
            throw new ArgumentException($"'{dataset}' is not a plain relative dataset path.", nameof(dataset));
        }

        try
        {
            var response = await container.GetBlobClient(dataset).DownloadStreamingAsync(new BlobDownloadOptions(), cancellationToken);
            return response.Value.Content;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new FileNotFoundException($"No dataset '{dataset}' in {Location} ({ex.ErrorCode}).", dataset, ex);
        }
    }
}
