using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Drift;

namespace ArchiveForecast.Core.Tests.Drift;

[TestFixture]
public sealed class DriftCalculatorTests
{
    private static readonly QuantileSet Percentiles = new(1, 10, 50, 90, 99);

    // Representative values of the six bins of Percentiles: below p01, [p01,p10), [p10,p50), [p50,p90), [p90,p99], above p99.
    private static readonly double[] BinValues = [0.5, 5, 30, 70, 95, 150];

    private static double[] WithBinCounts(params int[] counts) =>
        [.. counts.SelectMany((count, bin) => Enumerable.Repeat(BinValues[bin], count))];

    private static double[] Uniform(int count, double low, double high, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => low + (random.NextDouble() * (high - low)))];
    }

    [Test]
    public void Psi_WhenRecentSharesEqualTrainingShares_IsZero()
    {
        var values = WithBinCounts(1, 9, 40, 40, 9, 1);

        double psi = DriftCalculator.PopulationStabilityIndex(values, Percentiles);

        Assert.That(psi, Is.EqualTo(0).Within(1e-12));
    }

    [Test]
    public void Psi_WhenTenPercentMoveFromOneMiddleBinToTheNext_MatchesTheFormula()
    {
        var values = WithBinCounts(1, 9, 30, 50, 9, 1);
        double expected = ((0.30 - 0.40) * Math.Log(0.30 / 0.40)) + ((0.50 - 0.40) * Math.Log(0.50 / 0.40));

        double psi = DriftCalculator.PopulationStabilityIndex(values, Percentiles);

        Assert.That(psi, Is.EqualTo(expected).Within(1e-12));
        Assert.That(psi, Is.EqualTo(0.0511).Within(1e-4));
    }

    [Test]
    public void Psi_WhenABinIsEmpty_UsesEpsilonAndStaysFinite()
    {
        var values = WithBinCounts(0, 10, 40, 40, 9, 1);
        double expected = ((DriftCalculator.Epsilon - 0.01) * Math.Log(DriftCalculator.Epsilon / 0.01))
            + ((0.10 - 0.09) * Math.Log(0.10 / 0.09));

        double psi = DriftCalculator.PopulationStabilityIndex(values, Percentiles);

        Assert.That(psi, Is.EqualTo(expected).Within(1e-12));
    }

    [Test]
    public void Psi_WhenSampledFromTheTrainingDistribution_IsNearZero()
    {
        // Uniform on [0, 100] has exactly the quantiles 1, 10, 50, 90, 99.
        var values = Uniform(20_000, 0, 100, seed: 7);

        double psi = DriftCalculator.PopulationStabilityIndex(values, Percentiles);

        Assert.That(psi, Is.LessThan(0.01));
    }

    [Test]
    public void Psi_WhenTheDistributionShifts_IsAboveTheDriftThreshold()
    {
        var values = Uniform(20_000, 30, 130, seed: 7);

        double psi = DriftCalculator.PopulationStabilityIndex(values, Percentiles);

        Assert.That(psi, Is.GreaterThan(0.2));
    }

    [Test]
    public void Psi_WhenEverythingIsAboveP99_IsVeryLarge()
    {
        double psi = DriftCalculator.PopulationStabilityIndex(WithBinCounts(0, 0, 0, 0, 0, 100), Percentiles);

        Assert.That(psi, Is.GreaterThan(3));
    }

    [Test]
    public void ShareOutside_CountsValuesStrictlyBelowP01OrAboveP99()
    {
        double[] values = [0.99, 1, 50, 99, 99.01, 200, 50, 50, 50, 50];

        double share = DriftCalculator.ShareOutside(values, Percentiles);

        Assert.That(share, Is.EqualTo(0.3).Within(1e-12));
    }

    [Test]
    public void ShareOutside_WhenSampledFromTheTrainingDistribution_IsAboutTwoPercent()
    {
        double share = DriftCalculator.ShareOutside(Uniform(20_000, 0, 100, seed: 11), Percentiles);

        Assert.That(share, Is.InRange(0.015, 0.025));
    }

    [Test]
    public void BothFigures_WhenThereAreNoValues_AreZero()
    {
        Assert.Multiple(() =>
        {
            Assert.That(DriftCalculator.ShareOutside([], Percentiles), Is.Zero);
            Assert.That(DriftCalculator.PopulationStabilityIndex([], Percentiles), Is.Zero);
        });
    }

    [TestCase(0.5, 0)]
    [TestCase(1.0, 1)]
    [TestCase(9.99, 1)]
    [TestCase(10.0, 2)]
    [TestCase(50.0, 3)]
    [TestCase(90.0, 4)]
    [TestCase(99.0, 4)]
    [TestCase(99.5, 5)]
    public void BinOf_PlacesEdgesInTheUpperBinAndP99Inside(double value, int bin)
    {
        Assert.That(DriftCalculator.BinOf(value, Percentiles), Is.EqualTo(bin));
    }

    [Test]
    public void ExpectedShares_WhenLowQuantilesTie_MoveTheEmptyBinsShareToTheTiedValuesBin()
    {
        var tied = new QuantileSet(0, 0, 0, 0.4, 0.6);
        var shares = new double[DriftCalculator.BinCount];

        DriftCalculator.ExpectedShares(tied, shares);

        Assert.That(shares, Is.EqualTo(new[] { 0.01, 0, 0, 0.89, 0.09, 0.01 }).Within(1e-12));
    }

    [Test]
    public void Psi_WhenHalfTheTrainingValuesAreZeroAndRecentOnesToo_IsSmall()
    {
        // Training: half zeros, half spread over (0, 1]; quantiles 0, 0, 0, 0.8, 0.98. Recent values look the same.
        var tied = new QuantileSet(0, 0, 0, 0.8, 0.98);
        var random = new Random(5);
        double[] values = [.. Enumerable.Range(0, 10_000).Select(i => i % 2 == 0 ? 0 : random.NextDouble())];

        double psi = DriftCalculator.PopulationStabilityIndex(values, tied);

        Assert.That(psi, Is.LessThan(0.1));
    }
}
