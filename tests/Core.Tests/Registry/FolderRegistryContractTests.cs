namespace ArchiveForecast.Core.Tests.Registry;

/// <summary>The registry contract on a <see cref="FolderArtifactStore"/> over a temp folder.</summary>
[TestFixture]
public sealed class FolderRegistryContractTests : RegistryContractTests
{
    private string? root;

    protected override Task<IArtifactStore> CreateStoreAsync()
    {
        root = Path.Combine(Path.GetTempPath(), "archive-forecast-tests", Guid.NewGuid().ToString("N"));
        return Task.FromResult<IArtifactStore>(new FolderArtifactStore(root, TimeProvider.System));
    }

    protected override Task DeleteStoreAsync()
    {
        if (root is not null && Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        return Task.CompletedTask;
    }
}
