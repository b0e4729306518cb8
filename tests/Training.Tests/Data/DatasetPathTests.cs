namespace ArchiveForecast.Training.Tests.Data;

[TestFixture]
public sealed class DatasetPathTests
{
    [TestCase("archive.csv")]
    [TestCase("2026/03/archive.csv")]
    [TestCase("team_a/archive-v2.final.csv")]
    [TestCase(".hidden.csv")]
    public void IsValid_PlainRelativePath_IsAccepted(string path) =>
        Assert.That(DatasetPath.IsValid(path), Is.True);

    [TestCase(null)]
    [TestCase("")]
    [TestCase("..")]
    [TestCase("../secrets.csv")]
    [TestCase("data/../../etc/passwd")]
    [TestCase("data/..")]
    [TestCase("./archive.csv")]
    [TestCase("...")]
    [TestCase("%2e%2e/archive.csv")]
    [TestCase("%2e%2e%2farchive.csv")]
    [TestCase("data%2Farchive.csv")]
    [TestCase("/etc/passwd")]
    [TestCase("C:/data/archive.csv")]
    [TestCase("C:\\data\\archive.csv")]
    [TestCase("..\\archive.csv")]
    [TestCase("\\\\server\\share\\archive.csv")]
    [TestCase("https://evil.example/archive.csv")]
    [TestCase("file:///etc/passwd")]
    [TestCase("//evil.example/archive.csv")]
    [TestCase("data//archive.csv")]
    [TestCase("data/")]
    [TestCase("archive.csv\n")]
    [TestCase("arch\u0000ive.csv")]
    [TestCase("archive .csv")]
    [TestCase("archive\u2024csv")]
    [TestCase("ａrchive.csv")]
    [TestCase("~/archive.csv")]
    [TestCase("data?x=1")]
    public void IsValid_TraversalSchemeOrEscape_IsRejected(string? path) =>
        Assert.That(DatasetPath.IsValid(path), Is.False);

    [Test]
    public void IsValid_LongerThanABlobName_IsRejected() =>
        Assert.That(DatasetPath.IsValid(new string('a', DatasetPath.MaxLength + 1)), Is.False);
}
