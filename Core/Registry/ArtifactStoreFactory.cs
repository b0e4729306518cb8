using ArchiveForecast.Core.Configuration;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Core.Registry;

/// <summary>Creates the <see cref="IArtifactStore"/> that <see cref="ModelStoreOptions"/> choose: one case per <see cref="ModelStoreKind"/>.</summary>
public static class ArtifactStoreFactory
{
    /// <summary>Creates the store.</summary>
    /// <param name="options">The model store settings.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="loggerFactory">The loggers.</param>
    /// <param name="containers">
    /// The registered container clients, of which a blob store takes the one named <see cref="ModelStoreOptions.SectionName"/>
    /// (see <c>AddArchiveForecastAzureClients</c>); unused by a folder store.
    /// </param>
    /// <exception cref="InvalidOperationException">The options choose no store or several, or a store this build cannot create.</exception>
    public static IArtifactStore Create(
        ModelStoreOptions options,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory,
        IAzureClientFactory<BlobContainerClient>? containers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        if (!ModelStoreSelection.TryGetKind(options, out var kind, out var error))
        {
            throw new InvalidOperationException(error);
        }

        return kind switch
        {
            ModelStoreKind.Folder => new FolderArtifactStore(options.Path!, timeProvider, loggerFactory.CreateLogger<FolderArtifactStore>()),
            ModelStoreKind.Blob => new BlobArtifactStore(
                ContainerOf(containers),
                createContainerIfMissing: true,
                timeProvider,
                loggerFactory.CreateLogger<BlobArtifactStore>()),
            _ => throw new InvalidOperationException($"Unknown model store kind {kind}."),
        };
    }

    private static BlobContainerClient ContainerOf(IAzureClientFactory<BlobContainerClient>? containers) =>
        containers is null
            ? throw new InvalidOperationException(
                $"{ModelStoreOptions.SectionName} names a blob container, but no Azure clients are registered: call AddArchiveForecastAzureClients.")
            : containers.CreateClient(ModelStoreOptions.SectionName);
}
