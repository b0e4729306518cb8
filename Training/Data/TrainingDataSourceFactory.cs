using ArchiveForecast.Training.Configuration;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Training.Data;

/// <summary>Creates the <see cref="ITrainingDataSource"/> that <see cref="TrainingDataOptions"/> choose: one case per kind of store.</summary>
public static class TrainingDataSourceFactory
{
    /// <summary>Creates the data source.</summary>
    /// <param name="options">The training-data settings.</param>
    /// <param name="containers">
    /// The registered container clients, of which blob-backed data takes the one named
    /// <see cref="TrainingDataOptions.SectionName"/> (see <c>AddArchiveForecastAzureClients</c>); unused by a folder.
    /// </param>
    /// <exception cref="InvalidOperationException">The options name a blob container that cannot be used, or no client is registered for it.</exception>
    public static ITrainingDataSource Create(IOptions<TrainingDataOptions> options, IAzureClientFactory<BlobContainerClient>? containers)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Value.UsesBlobStorage
            ? new BlobTrainingDataSource(AzureClientsOf(containers).CreateClient(TrainingDataOptions.SectionName), options.Value.MaxDatasetBytes)
            : new FolderTrainingDataSource(options);
    }

    private static IAzureClientFactory<BlobContainerClient> AzureClientsOf(IAzureClientFactory<BlobContainerClient>? containers) =>
        containers ?? throw new InvalidOperationException(
            $"{TrainingDataOptions.SectionName} names a blob container, but no Azure clients are registered: call AddArchiveForecastAzureClients.");
}
