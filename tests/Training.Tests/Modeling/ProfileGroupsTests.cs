using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Training.Tests.Modeling;

/// <summary>Rows of a file without a source column are grouped into likely sources, so whole sources can be held out.</summary>
[TestFixture]
public sealed class ProfileGroupsTests
{
    [TestCase(600)]
    [TestCase(20_000)]
    public void Assign_KeepsNearlyEverySourcesMonthsInOneGroup_AndNoGroupHoldsAFifthOfTheRows(int rows)
    {
        var data = SyntheticDataGenerator.Generate(rows, 42).ToList();

        var grouped = ProfileGroups.Assign([.. data.Select(r => r with { SourceId = null })]);

        var groupsPerSource = data.Select((row, i) => (Source: row.SourceId!, Group: grouped[i].SourceId!))
            .Distinct()
            .GroupBy(p => p.Source)
            .ToList();
        int sources = groupsPerSource.Count;
        int split = groupsPerSource.Count(g => g.Count() > 1);
        int largest = grouped.GroupBy(r => r.SourceId).Max(g => g.Count());
        Assert.Multiple(() =>
        {
            Assert.That(split, Is.LessThanOrEqualTo(sources / 20), "sources whose months land in more than one group");
            Assert.That(largest, Is.LessThanOrEqualTo(rows / 5), "the largest group");
            Assert.That(grouped.Select(r => r.SourceId).Distinct().Count(), Is.GreaterThan(Math.Min(sources, 10) / 2));
        });
    }

    [Test]
    public void Assign_KeepsTheSourceIdsAFileNames()
    {
        var data = SyntheticDataGenerator.Generate(100, 1).ToList();

        Assert.That(ProfileGroups.Assign(data), Is.SameAs(data));
    }

    [Test]
    public void Assign_SeparatesSourcesWithDifferentProfiles()
    {
        var month = new DateOnly(2025, 1, 1);
        TrainingExample Row(double pdf, double frequency, double size) =>
            new(new ForecastInput(month, 1000, size, pdf, 0.2, 0.1, frequency), new ForecastTargets(1, 0.5));
        List<TrainingExample> rows = [Row(0.30, 4, 2), Row(0.31, 4.2, 2.05), Row(0.60, 4, 2), Row(0.30, 20, 2), Row(0.30, 4, 7)];

        var groups = ProfileGroups.Assign(rows).Select(r => r.SourceId).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(groups[1], Is.EqualTo(groups[0]), "two months of one source");
            Assert.That(groups.Skip(1).Distinct().Count(), Is.EqualTo(4), "another mix, frequency or size is another source");
        });
    }
}
