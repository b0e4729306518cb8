using System.Text;

namespace ArchiveForecast.Training.Tests.Data;

[TestFixture]
public sealed class CsvInstanceReaderTests
{
    private const string Header = "month,total_files,avg_file_size_mb,pct_pdf,pct_docx,pct_xlsx,archive_frequency_per_day";

    private static Task<InstanceReadResult> ReadAsync(string csv) =>
        CsvInstanceReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), CancellationToken.None);

    [Test]
    public async Task Read_InstanceColumnsOnly_NeedsNoTargets()
    {
        var result = await ReadAsync($"{Header}\n2024-01-01,10,1.5,0.5,0.2,0.1,2\n");

        Assert.Multiple(() =>
        {
            Assert.That(result.Rows.Single().Line, Is.EqualTo(2));
            Assert.That(result.Rows.Single().Input.TotalFiles, Is.EqualTo(10));
            Assert.That(result.HasSourceId, Is.False);
        });
    }

    [Test]
    public async Task Read_TrainingFile_IgnoresTheTargetsAndKeepsSourceIds()
    {
        var result = await ReadAsync($"source_id,{Header},archived_gb_next_period\nsrc-1,2024-01-01,10,1.5,0.5,0.2,0.1,2,not-a-number\n");

        Assert.Multiple(() =>
        {
            Assert.That(result.Rows.Single().SourceId, Is.EqualTo("src-1"));
            Assert.That(result.HasSourceId, Is.True);
        });
    }

    [Test]
    public async Task Read_BadRow_IsRejectedWithItsLine()
    {
        var result = await ReadAsync($"{Header}\n2024-01-01,10,1.5,0.5,0.2,0.1,2\n2024-02-01,10,1.5,0.9,0.2,0.1,2\n");

        Assert.That(result.Rejections.Single(), Is.EqualTo(new CsvRejection(3, "pct_pdf + pct_docx + pct_xlsx must not exceed 1")));
    }

    [Test]
    public async Task Read_MissingInstanceColumn_RefusesTheFile()
    {
        var ex = await Assert.ThrowsAsync<TrainingDataException>(() => ReadAsync("month,total_files\n"));

        Assert.That(ex!.Message, Does.Contain("An input file needs").And.Contain("avg_file_size_mb"));
    }
}
