using System.IO.Compression;

namespace ArchiveForecast.Core.Tests.Inference;

/// <summary>model.zip's directory is checked before ML.NET unpacks it.</summary>
[TestFixture]
public sealed class ModelZipCheckTests
{
    [Test]
    public void FindProblem_TrainedModel_IsWithinTheLimits() =>
        Assert.That(ModelZipCheck.FindProblem(TrainedModels.Get(TrainerKind.FastTree).ModelZip), Is.Null);

    [Test]
    public void FindProblem_TooManyEntries_SaysHowMany() =>
        Assert.That(ModelZipCheck.FindProblem(Zip(entries: 11, bytesEach: 1), maxEntries: 10), Does.Contain("11 entries, more than the 10 allowed"));

    [Test]
    public void FindProblem_EntriesDeclaringMoreThanTheLimit_IsRefused()
    {
        // 4 MiB of zeros compress to a few KiB: small on the wire and in the store, large once unpacked.
        byte[] zip = Zip(entries: 2, bytesEach: 2 << 20);

        Assert.Multiple(() =>
        {
            Assert.That(zip, Has.Length.LessThan(64 * 1024));
            Assert.That(ModelZipCheck.FindProblem(zip, maxUnpackedBytes: 3 << 20), Does.Contain("unpacks to more than 3145728 bytes (entry 1"));
            Assert.That(ModelZipCheck.FindProblem(zip, maxUnpackedBytes: 4 << 20), Is.Null);
        });
    }

    [Test]
    public void FindProblem_NotAZip_IsLeftToTheLoader() =>
        Assert.That(ModelZipCheck.FindProblem("not a zip"u8.ToArray()), Is.Null);

    [Test]
    public void Load_ModelZipWithTooManyEntries_IsRefusedBeforeMlNetReadsIt()
    {
        var valid = new VerifiedVersionBuilder().Build();
        var hostile = new VerifiedVersion(valid.Manifest, valid.Card, valid.Quantiles, Zip(entries: ModelZipCheck.DefaultMaxEntries + 1, bytesEach: 0));

        var refused = Assert.Throws<InvalidDataException>(() => ForecastModel.Load(hostile, TimeProvider.System));

        Assert.That(refused!.Message, Does.Contain("4097 entries"));
    }

    private static byte[] Zip(int entries, int bytesEach)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            byte[] content = new byte[bytesEach];
            for (int i = 0; i < entries; i++)
            {
                using var entry = archive.CreateEntry($"e{i}", CompressionLevel.Fastest).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }
}
