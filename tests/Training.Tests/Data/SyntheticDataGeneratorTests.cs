using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Training.Tests.Data;

[TestFixture]
public sealed class SyntheticDataGeneratorTests
{
    [Test]
    public void Generate_SameSeed_GivesTheSameRows()
    {
        var first = SyntheticDataGenerator.Generate(500, 7).ToList();

        var second = SyntheticDataGenerator.Generate(500, 7).ToList();

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Generate_OtherSeed_GivesOtherRows() =>
        Assert.That(SyntheticDataGenerator.Generate(100, 7).ToList(), Is.Not.EqualTo(SyntheticDataGenerator.Generate(100, 8).ToList()));

    [Test]
    public void Generate_GivesTheRowsAndSourcesAskedFor()
    {
        var rows = SyntheticDataGenerator.Generate(1000, 1, sources: 40).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(rows, Has.Count.EqualTo(1000));
            Assert.That(rows.Select(r => r.SourceId).Distinct().Count(), Is.EqualTo(40));
        });
    }

    [Test]
    public void Generate_EveryRowPassesTheContractRules()
    {
        var rows = SyntheticDataGenerator.Generate(5000, 3).ToList();

        var broken = rows.Where(r => InstanceRules.Validate(r.Input).Count > 0 || InstanceRules.Validate(r.Targets).Count > 0).ToList();

        Assert.That(broken, Is.Empty);
    }

    [Test]
    public void Generate_TargetsAreNonNegativeAndSavingsNeverExceedArchived()
    {
        var rows = SyntheticDataGenerator.Generate(5000, 4).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r.Targets.ArchivedGbNextPeriod), Has.All.GreaterThanOrEqualTo(0));
            Assert.That(rows.Select(r => r.Targets.SavingsGbNextPeriod), Has.All.GreaterThanOrEqualTo(0));
            Assert.That(rows.Where(r => r.Targets.SavingsGbNextPeriod > r.Targets.ArchivedGbNextPeriod), Is.Empty);
        });
    }

    [Test]
    public void Generate_ArchivedIsAPlausibleShareOfTheTotalSize()
    {
        var rows = SyntheticDataGenerator.Generate(5000, 5).ToList();

        var shares = rows.Select(r => r.Targets.ArchivedGbNextPeriod / (r.Input.TotalFiles * r.Input.AvgFileSizeMb / 1024)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(shares.Average(), Is.InRange(0.01, 0.2), "archived next period is a few % of what the source holds");
            Assert.That(shares.Max(), Is.LessThan(0.5));
        });
    }

    [Test]
    public void Generate_YearEndIsTheSeasonalPeak()
    {
        var rows = SyntheticDataGenerator.Generate(20_000, 6).ToList();

        // Archived relative to size, by the calendar month of the next period.
        var byNextMonth = rows
            .GroupBy(r => r.Input.Month.AddMonths(1).Month)
            .ToDictionary(g => g.Key, g => Median(g.Select(r => r.Targets.ArchivedGbNextPeriod / (r.Input.TotalFiles * r.Input.AvgFileSizeMb / 1024))));

        Assert.Multiple(() =>
        {
            Assert.That(byNextMonth[12], Is.GreaterThan(byNextMonth[11] * 1.3), "December (year end) peaks");
            Assert.That(byNextMonth[3], Is.GreaterThan(byNextMonth[2] * 1.1), "March (quarter end) peaks");
            Assert.That(byNextMonth[8], Is.LessThan(byNextMonth[7]), "August is quiet");
        });
    }

    [Test]
    public void Generate_PdfHeavySourcesSaveLessThanOfficeHeavyOnes()
    {
        var rows = SyntheticDataGenerator.Generate(20_000, 8).Where(r => r.Targets.ArchivedGbNextPeriod > 0).ToList();

        double Rate(IEnumerable<TrainingExample> selected) => Median(selected.Select(r => r.Targets.SavingsGbNextPeriod / r.Targets.ArchivedGbNextPeriod));

        Assert.That(Rate(rows.Where(r => r.Input.PctPdf > 0.5)), Is.LessThan(Rate(rows.Where(r => r.Input.PctDocx + r.Input.PctXlsx > 0.6))));
    }

    [Test]
    public void Generate_MonthsSpanSeveralYears()
    {
        var months = SyntheticDataGenerator.Generate(600, 9).Select(r => r.Input.Month).ToList();

        Assert.That(months.Max().Year - months.Min().Year, Is.GreaterThanOrEqualTo(3));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
