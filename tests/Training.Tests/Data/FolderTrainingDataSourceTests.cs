using System.Text;
using ArchiveForecast.Training.Configuration;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Training.Tests.Data;

[TestFixture]
public sealed class FolderTrainingDataSourceTests
{
    private string root = null!;
    private FolderTrainingDataSource source = null!;

    [SetUp]
    public void SetUp()
    {
        root = Directory.CreateTempSubdirectory("af-data-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "2026"));
        File.WriteAllText(Path.Combine(root, "2026", "archive.csv"), "month\n");
        source = new FolderTrainingDataSource(Options.Create(new TrainingDataOptions { Path = root }));
    }

    [TearDown]
    public void TearDown() => Directory.Delete(root, recursive: true);

    [Test]
    public async Task Open_DatasetInTheFolder_ReadsIt()
    {
        await using var stream = await source.OpenAsync(DatasetPath.Parse("2026/archive.csv"), CancellationToken.None);
        using var reader = new StreamReader(stream, Encoding.UTF8);

        Assert.That(await reader.ReadToEndAsync(), Is.EqualTo("month\n"));
    }

    [Test]
    public async Task Open_MissingDataset_ThrowsFileNotFoundNamingOnlyTheDataset()
    {
        var ex = await Assert.ThrowsAsync<FileNotFoundException>(() => source.OpenAsync(DatasetPath.Parse("2026/none.csv"), CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("'2026/none.csv'").And.Not.Contain(root));
    }
}
