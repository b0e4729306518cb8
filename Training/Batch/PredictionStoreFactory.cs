using Azure.Storage.Blobs;
using Microsoft.Extensions.Azure;

namespace ArchiveForecast.Training.Batch;

/// <summary>Creates the <see cref="IPredictionStore"/> that <see cref="PredictionsOptions"/> choose: a folder or a blob container.</summary>
public static class PredictionStoreFactory
{
    /// <summary>Creates the store.</summary>
    /// <param name="options">The predictions settings.</param>
    /// <param name="containers">
    /// The registered container clients, of which a blob store takes the one named
    /// <see cref="PredictionsOptions.SectionName"/> (see <c>AddArchiveForecastAzureClients</c>); unused by a folder.
    /// </param>
    /// <exception cref="InvalidOperationException">The options name a blob container that cannot be used, or no client is registered for it.</exception>
    public static IPredictionStore Create(PredictionsOptions options, IAzureClientFactory<BlobContainerClient>? containers)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.UsesBlobStorage)
        {
            return new FolderPredictionStore(options.Path);
        }

        return containers is null
            ? throw new InvalidOperationException(
                $"{PredictionsOptions.SectionName} names a blob container, but no Azure clients are registered: call AddArchiveForecastAzureClients.")
            : new BlobPredictionStore(containers.CreateClient(PredictionsOptions.SectionName));
    }
}
