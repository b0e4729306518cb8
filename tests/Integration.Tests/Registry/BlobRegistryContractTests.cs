using ArchiveForecast.Core.Configuration;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArchiveForecast.Integration.Tests.Registry;

/// <summary>The registry contract on a <see cref="BlobArtifactStore"/> over Azurite: a fresh container per test.</summary>
[TestFixture]
[Category("Integration")]
public sealed class BlobRegistryContractTests : RegistryContractTests
{
    private static AzuriteInstance Azurite => SharedAzurite.Instance;
    private BlobContainerClient? container;

    protected override async Task<IArtifactStore> CreateStoreAsync()
    {
        container = new BlobContainerClient(Azurite.ConnectionString, $"models-{Guid.NewGuid():N}"[..24], AzureRetry.Apply(new BlobClientOptions()));
        await container.CreateAsync();
        return new BlobArtifactStore(container, createContainerIfMissing: false, TimeProvider.System, NullLogger<BlobArtifactStore>.Instance);
    }

    protected override async Task DeleteStoreAsync()
    {
        if (container is not null)
        {
            await container.DeleteIfExistsAsync();
        }
    }
}
