namespace ArchiveForecast.Core.Tests.Schema;

[TestFixture]
public sealed class MonthFormatTests
{
    [TestCase("2024-01-01", 2024, 1)]
    [TestCase("2024-12-01", 2024, 12)]
    [TestCase("1999-07-01", 1999, 7)]
    public void TryParse_WhenFirstOfARealMonth_ReturnsThatMonth(string text, int year, int month)
    {
        bool parsed = MonthFormat.TryParse(text, out var result, out string error);

        Assert.Multiple(() =>
        {
            Assert.That(parsed, Is.True);
            Assert.That(result, Is.EqualTo(new DateOnly(year, month, 1)));
            Assert.That(error, Is.Empty);
        });
    }

    [TestCase("2024-13-01", "real calendar month")]
    [TestCase("2024-00-01", "real calendar month")]
    [TestCase("0000-01-01", "real calendar month")]
    [TestCase("2024-1-01", "YYYY-MM-01")]
    [TestCase("2024-01-1", "YYYY-MM-01")]
    [TestCase("2024/01/01", "YYYY-MM-01")]
    [TestCase("Jan 2024", "YYYY-MM-01")]
    [TestCase("2024-01-01T00:00:00", "YYYY-MM-01")]
    [TestCase(" 2024-01-01", "YYYY-MM-01")]
    [TestCase("２０２４-０１-０１", "YYYY-MM-01")]
    [TestCase("2024-01-15", "first day")]
    [TestCase("2024-02-00", "first day")]
    [TestCase("", "required")]
    [TestCase(null, "required")]
    public void TryParse_WhenNotTheContractFormat_FailsSayingWhy(string? text, string reason)
    {
        bool parsed = MonthFormat.TryParse(text, out var result, out string error);

        Assert.Multiple(() =>
        {
            Assert.That(parsed, Is.False);
            Assert.That(result, Is.EqualTo(default(DateOnly)));
            Assert.That(error, Does.Contain(reason));
        });
    }

    [Test]
    public void Format_ThenTryParse_RoundTrips()
    {
        var month = new DateOnly(2025, 9, 1);

        string text = MonthFormat.Format(month);
        bool parsed = MonthFormat.TryParse(text, out var back, out _);

        Assert.Multiple(() =>
        {
            Assert.That(text, Is.EqualTo("2025-09-01"));
            Assert.That(parsed, Is.True);
            Assert.That(back, Is.EqualTo(month));
        });
    }
}
