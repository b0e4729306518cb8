using System.Text;
using Azure.Storage.Blobs;

namespace ArchiveForecast.Integration.Tests.Data;

[Category("Integration")]
public sealed class BlobTrainingDataSourceTests
{
    private readonly string containerName = $"training-data-{Guid.NewGuid():N}"[..24];
    private BlobContainerClient container = null!;

    private static AzuriteInstance Azurite => SharedAzurite.Instance;

    [OneTimeSetUp]
    public async Task CreateContainer()
    {
        container = new BlobContainerClient(Azurite.ConnectionString, containerName);
        await container.CreateIfNotExistsAsync();
    }

    [Test]
    public async Task OpenAsync_ReturnsTheBlobOfTheDatasetPath()
    {
        await container.GetBlobClient("2026/archive.csv").UploadAsync(BinaryData.FromString("month,total_files\n"), overwrite: true);
        var source = Source();

        await using var stream = await source.OpenAsync(DatasetPath.Parse("2026/archive.csv"), CancellationToken.None);
        using var reader = new StreamReader(stream, Encoding.UTF8);

        Assert.That(await reader.ReadToEndAsync(), Is.EqualTo("month,total_files\n"));
    }

    [Test]
    public void OpenAsync_WhenTheDatasetIsMissing_ThrowsFileNotFound()
    {
        var source = Source();

        Assert.That(async () => await source.OpenAsync(DatasetPath.Parse("2026/none.csv"), CancellationToken.None), Throws.TypeOf<FileNotFoundException>());
    }

    [Test]
    public async Task OpenAsync_BlobLargerThanTheCap_IsRefusedNamingTheSetting()
    {
        await container.GetBlobClient("2026/large.csv").UploadAsync(BinaryData.FromBytes(new byte[4096]), overwrite: true);
        var source = new BlobTrainingDataSource(container, maxBytes: 4095);

        var refused = await Assert.ThrowsAsync<TrainingDataException>(async () => await source.OpenAsync(DatasetPath.Parse("2026/large.csv"), CancellationToken.None));

        Assert.That(refused!.Message, Does.Contain("4096 bytes").And.Contain("TrainingData:MaxDatasetBytes"));
    }

    [Test]
    public async Task OpenAsync_BlobExactlyAtTheCap_IsRead()
    {
        await container.GetBlobClient("2026/at-cap.csv").UploadAsync(BinaryData.FromBytes(new byte[4096]), overwrite: true);
        var source = new BlobTrainingDataSource(container, maxBytes: 4096);

        await using var stream = await source.OpenAsync(DatasetPath.Parse("2026/at-cap.csv"), CancellationToken.None);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        Assert.That(copy.Length, Is.EqualTo(4096));
    }

    [Test]
    public async Task OpenAsync_WhenTheContainerIsMissing_CreatesItAndSaysTheDatasetIsMissing()
    {
        string name = $"data-{Guid.NewGuid():N}"[..20];
        var source = new BlobTrainingDataSource(new BlobContainerClient(Azurite.ConnectionString, name));

        var missing = await Assert.ThrowsAsync<FileNotFoundException>(async () => await source.OpenAsync(DatasetPath.Parse("2026/archive.csv"), CancellationToken.None));
        bool created = (await new BlobContainerClient(Azurite.ConnectionString, name).ExistsAsync()).Value;

        Assert.Multiple(() =>
        {
            Assert.That(missing!.Message, Does.Contain("'2026/archive.csv'").And.Contain("created empty").And.Not.Contain("devstoreaccount1"));
            Assert.That(created, Is.True);
        });
    }

    [Test]
    public void Composed_WithOnlyAConnectionString_ReadsTheDefaultContainerWithoutShowingAnyKey()
    {
        using var services = ComposedServices.Build(new Dictionary<string, string?> { ["TrainingData:ConnectionString"] = Azurite.ConnectionString });

        var source = services.GetRequiredService<ITrainingDataSource>();

        Assert.Multiple(() =>
        {
            Assert.That(source, Is.TypeOf<BlobTrainingDataSource>());
            Assert.That(source.Location, Does.Not.Contain(AzuriteInstance.AccountKey).And.EndWith("/training-data"));
        });
    }

    private BlobTrainingDataSource Source() => new(container);
}
