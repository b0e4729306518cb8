using ArchiveForecast.Training.Batch;

namespace ArchiveForecast.Training.Tests.Batch;

[TestFixture]
public sealed class OutputPathTests
{
    [TestCase("20261130T000000Z-1a2b3c4d", "m/20261130T000000Z-1a2b3c4d.csv", "m/20261130T000000Z-1a2b3c4d.summary.json")]
    [TestCase("plant-07/2026-11.csv", "m/plant-07/2026-11.csv", "m/plant-07/2026-11.summary.json")]
    [TestCase("plant-07/2026-11", "m/plant-07/2026-11.csv", "m/plant-07/2026-11.summary.json")]
    public void Paths_PutTheOutputAndItsSummaryUnderTheModel(string name, string csv, string summary)
    {
        Assert.Multiple(() =>
        {
            Assert.That(OutputPath.IsValidName(name), Is.True);
            Assert.That(OutputPath.Csv("m", name), Is.EqualTo(csv));
            Assert.That(OutputPath.Summary("m", name), Is.EqualTo(summary));
        });
    }

    [TestCase("")]
    [TestCase(".csv")]
    [TestCase("../x")]
    [TestCase("a/../../x")]
    [TestCase("/etc/passwd")]
    [TestCase("a\\b")]
    [TestCase("https://evil.example/x")]
    [TestCase("a/.csv")]
    [TestCase("a%2f..")]
    public void IsValidName_RefusesAnythingButAPlainRelativePath(string name) =>
        Assert.That(OutputPath.IsValidName(name), Is.False);
}
