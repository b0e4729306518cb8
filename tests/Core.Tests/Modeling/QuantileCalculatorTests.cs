namespace ArchiveForecast.Core.Tests.Modeling;

[TestFixture]
public sealed class QuantileCalculatorTests
{
    [TestCase(0.0, 1.0)]
    [TestCase(0.01, 1.04)]
    [TestCase(0.10, 1.4)]
    [TestCase(0.50, 3.0)]
    [TestCase(0.90, 4.6)]
    [TestCase(0.99, 4.96)]
    [TestCase(1.0, 5.0)]
    public void Quantile_InterpolatesLinearlyBetweenRanks(double probability, double expected)
    {
        double[] sorted = [1, 2, 3, 4, 5];

        Assert.That(QuantileCalculator.Quantile(sorted, probability), Is.EqualTo(expected).Within(1e-12));
    }

    [Test]
    public void Quantile_OfOneValue_IsThatValue()
    {
        Assert.That(QuantileCalculator.Quantile([7.5], 0.99), Is.EqualTo(7.5));
    }

    [Test]
    public void Quantile_WhenProbabilityOutsideZeroToOne_Throws()
    {
        Assert.That(() => QuantileCalculator.Quantile([1.0, 2.0], 1.5), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Compute_CoversEveryNumericInputField()
    {
        var inputs = new SyntheticDataBuilder().WithRows(50).Build().Select(r => r.Input).ToList();

        var quantiles = QuantileCalculator.Compute(inputs);

        Assert.That(quantiles.Features.Keys, Is.EquivalentTo(FieldNames.NumericInputs));
    }

    [Test]
    public void Compute_OnOneToHundredAndOneFiles_GivesTheExpectedQuantilesInAnyInputOrder()
    {
        var inputs = Enumerable.Range(1, 101).Reverse()
            .Select(n => new ForecastInputBuilder().WithTotalFiles(n).Build())
            .ToList();

        var files = QuantileCalculator.Compute(inputs).Features[FieldNames.TotalFiles];

        Assert.Multiple(() =>
        {
            Assert.That(files.P01, Is.EqualTo(2).Within(1e-9));
            Assert.That(files.P10, Is.EqualTo(11).Within(1e-9));
            Assert.That(files.P50, Is.EqualTo(51).Within(1e-9));
            Assert.That(files.P90, Is.EqualTo(91).Within(1e-9));
            Assert.That(files.P99, Is.EqualTo(100).Within(1e-9));
        });
    }

    [Test]
    public void Compute_QuantilesAreOrdered()
    {
        var inputs = new SyntheticDataBuilder().WithRows(300).Build().Select(r => r.Input).ToList();

        foreach (var (field, set) in QuantileCalculator.Compute(inputs).Features)
        {
            Assert.That(new[] { set.P01, set.P10, set.P50, set.P90, set.P99 }, Is.Ordered, field);
        }
    }

    [Test]
    public void Compute_WhenNoInputs_Throws()
    {
        Assert.That(() => QuantileCalculator.Compute([]), Throws.ArgumentException);
    }
}
