using System.Text;

namespace ArchiveForecast.Training.Tests.Modeling;

[TestFixture]
public sealed class TrainingDataFingerprintTests
{
    [Test]
    public async Task Compute_IsTheSha256OfTheCanonicalLines()
    {
        var rows = (await new CsvBuilder().Row().ReadAsync()).Accepted;

        string expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            Encoding.UTF8.GetBytes("2024-03-01,12000,2.5,0.4,0.3,0.2,3,1.75,0.5\n")));

        Assert.That(TrainingDataFingerprint.Compute(rows), Is.EqualTo(expected));
    }

    [Test]
    public async Task Compute_SameRowsInAnotherLayout_GiveTheSameFingerprint()
    {
        var plain = await new CsvBuilder().Row().Row("total_files=5").ReadAsync();
        var other = await new CsvBuilder()
            .WithColumns("note", "savings_gb_next_period", "archived_gb_next_period", "archive_frequency_per_day", "pct_xlsx", "pct_docx", "pct_pdf", "avg_file_size_mb", "total_files", "month")
            .WithCrLf()
            .WithBom()
            .Row("note=\"a, b\"", "avg_file_size_mb=2.50")
            .Row("total_files=5", "avg_file_size_mb=\"2.5\"")
            .ReadAsync();

        Assert.That(TrainingDataFingerprint.Compute(other.Accepted), Is.EqualTo(TrainingDataFingerprint.Compute(plain.Accepted)));
    }

    [Test]
    public async Task Compute_AnyValueChanged_ChangesTheFingerprint()
    {
        var one = await new CsvBuilder().Row().ReadAsync();
        var other = await new CsvBuilder().Row("savings_gb_next_period=0.51").ReadAsync();

        Assert.That(TrainingDataFingerprint.Compute(other.Accepted), Is.Not.EqualTo(TrainingDataFingerprint.Compute(one.Accepted)));
    }
}
