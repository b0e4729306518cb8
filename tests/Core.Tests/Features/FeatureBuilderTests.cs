using ArchiveForecast.Core.Features;

namespace ArchiveForecast.Core.Tests.Features;

[TestFixture]
public sealed class FeatureBuilderTests
{
    private static int Index(string name) => FeatureSchema.Names.ToList().IndexOf(name);

    private static float Feature(float[] features, string name) => features[Index(name)];

    private static double MonthDistance(int a, int b)
    {
        var first = FeatureBuilder.Build(new ForecastInputBuilder().WithMonth(2024, a).Build());
        var second = FeatureBuilder.Build(new ForecastInputBuilder().WithMonth(2024, b).Build());
        double sin = Feature(first, "month_sin") - Feature(second, "month_sin");
        double cos = Feature(first, "month_cos") - Feature(second, "month_cos");
        return Math.Sqrt((sin * sin) + (cos * cos));
    }

    [Test]
    public void Schema_NamesEveryFeatureOnce()
    {
        Assert.Multiple(() =>
        {
            Assert.That(FeatureSchema.Names, Has.Count.EqualTo(FeatureSchema.Count));
            Assert.That(FeatureSchema.Names, Is.Unique);
            Assert.That(FeatureBuilder.Build(new ForecastInputBuilder().Build()), Has.Length.EqualTo(FeatureSchema.Count));
        });
    }

    [Test]
    public void Build_ForEveryMonth_PutsTheMonthOnTheUnitCircle()
    {
        for (int month = 1; month <= 12; month++)
        {
            var features = FeatureBuilder.Build(new ForecastInputBuilder().WithMonth(2024, month).Build());
            double sin = Feature(features, "month_sin");
            double cos = Feature(features, "month_cos");

            Assert.That((sin * sin) + (cos * cos), Is.EqualTo(1).Within(1e-6), $"month {month}");
        }
    }

    [Test]
    public void Build_DecemberAndJanuary_AreNeighboursLikeJanuaryAndFebruary()
    {
        double decemberToJanuary = MonthDistance(12, 1);
        double januaryToFebruary = MonthDistance(1, 2);
        double januaryToJuly = MonthDistance(1, 7);

        Assert.Multiple(() =>
        {
            Assert.That(decemberToJanuary, Is.EqualTo(januaryToFebruary).Within(1e-6));
            Assert.That(decemberToJanuary, Is.LessThan(januaryToJuly / 3));
        });
    }

    [Test]
    public void Build_SameMonthOfAnotherYear_GivesTheSameSeasonFeatures()
    {
        var a = FeatureBuilder.Build(new ForecastInputBuilder().WithMonth(2021, 5).Build());
        var b = FeatureBuilder.Build(new ForecastInputBuilder().WithMonth(2027, 5).Build());

        Assert.That(a, Is.EqualTo(b));
    }

    [Test]
    public void Build_1024FilesOf1Mb_IsOneGigabyteSplitByType()
    {
        var input = new ForecastInputBuilder().WithTotalFiles(1024).WithAvgFileSizeMb(1).WithShares(0.5, 0.25, 0.125).Build();

        var features = FeatureBuilder.Build(input);

        Assert.Multiple(() =>
        {
            Assert.That(Feature(features, "total_size_gb"), Is.EqualTo(1).Within(1e-6));
            Assert.That(Feature(features, "pdf_gb"), Is.EqualTo(0.5).Within(1e-6));
            Assert.That(Feature(features, "docx_gb"), Is.EqualTo(0.25).Within(1e-6));
            Assert.That(Feature(features, "xlsx_gb"), Is.EqualTo(0.125).Within(1e-6));
            Assert.That(Feature(features, "other_gb"), Is.EqualTo(0.125).Within(1e-6));
            Assert.That(Feature(features, "pct_other"), Is.EqualTo(0.125).Within(1e-6));
            Assert.That(Feature(features, "total_files"), Is.EqualTo(1024));
        });
    }

    [Test]
    public void Build_WhenSharesSumSlightlyAboveOne_OtherShareIsZeroNotNegative()
    {
        var input = new ForecastInputBuilder().WithShares(0.5, 0.3, 0.2 + 5e-7).Build();

        var features = FeatureBuilder.Build(input);

        Assert.Multiple(() =>
        {
            Assert.That(Feature(features, "pct_other"), Is.EqualTo(0));
            Assert.That(Feature(features, "other_gb"), Is.EqualTo(0));
        });
    }

    [Test]
    public void Build_WhenNoFiles_AllSizesAreZero()
    {
        var features = FeatureBuilder.Build(new ForecastInputBuilder().WithTotalFiles(0).Build());

        Assert.That(new[] { "total_size_gb", "pdf_gb", "docx_gb", "xlsx_gb", "other_gb" }.Select(n => Feature(features, n)), Is.All.EqualTo(0));
    }

    [Test]
    public void Write_WhenDestinationTooShort_Throws()
    {
        var input = new ForecastInputBuilder().Build();

        Assert.That(() => FeatureBuilder.Write(input, new float[FeatureSchema.Count - 1]), Throws.ArgumentException);
    }
}
