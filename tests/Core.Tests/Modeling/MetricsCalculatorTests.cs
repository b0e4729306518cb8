namespace ArchiveForecast.Core.Tests.Modeling;

[TestFixture]
public sealed class MetricsCalculatorTests
{
    [Test]
    public void Compute_WhenPredictionsPerfect_GivesZeroErrorsAndRSquaredOne()
    {
        double[] actual = [1, 2, 3, 4];

        var metrics = MetricsCalculator.Compute(actual, actual);

        Assert.Multiple(() =>
        {
            Assert.That(metrics.Mae, Is.Zero);
            Assert.That(metrics.Rmse, Is.Zero);
            Assert.That(metrics.RSquared, Is.EqualTo(1));
        });
    }

    [Test]
    public void Compute_OnKnownValues_MatchesHandComputedMetrics()
    {
        double[] actual = [1, 2, 3, 4];
        double[] predicted = [1, 2, 3, 5];

        var metrics = MetricsCalculator.Compute(actual, predicted);

        // One error of 1: MAE 1/4, RMSE sqrt(1/4), SStot = 5 so R² = 1 - 1/5.
        Assert.Multiple(() =>
        {
            Assert.That(metrics.Mae, Is.EqualTo(0.25).Within(1e-12));
            Assert.That(metrics.Rmse, Is.EqualTo(0.5).Within(1e-12));
            Assert.That(metrics.RSquared, Is.EqualTo(0.8).Within(1e-12));
        });
    }

    [Test]
    public void Compute_WhenPredictingTheMean_GivesRSquaredZero()
    {
        double[] actual = [2, 4, 6];
        double[] predicted = [4, 4, 4];

        Assert.That(MetricsCalculator.Compute(actual, predicted).RSquared, Is.EqualTo(0).Within(1e-12));
    }

    [Test]
    public void Compute_WhenWorseThanTheMean_GivesNegativeRSquared()
    {
        double[] actual = [2, 4, 6];
        double[] predicted = [6, 4, 2];

        Assert.That(MetricsCalculator.Compute(actual, predicted).RSquared, Is.LessThan(0));
    }

    [Test]
    public void Compute_WhenActualConstantAndPredictedExactly_GivesRSquaredOne()
    {
        double[] actual = [3, 3, 3];

        Assert.That(MetricsCalculator.Compute(actual, actual).RSquared, Is.EqualTo(1));
    }

    [Test]
    public void Compute_WhenActualConstantAndPredictedWrong_GivesFiniteRSquaredZero()
    {
        double[] actual = [3, 3, 3];
        double[] predicted = [3, 3, 4];

        var metrics = MetricsCalculator.Compute(actual, predicted);

        Assert.Multiple(() =>
        {
            Assert.That(metrics.RSquared, Is.Zero);
            Assert.That(double.IsFinite(metrics.Mae) && double.IsFinite(metrics.Rmse), Is.True);
        });
    }

    [Test]
    public void Compute_ForBothTargets_KeepsThemApart()
    {
        ForecastTargets[] actual = [new(1, 10), new(2, 20), new(3, 30)];
        ForecastPrediction[] predicted = [new(1, 11, []), new(2, 19, []), new(3, 30, [])];

        var metrics = MetricsCalculator.Compute(actual, predicted);

        Assert.Multiple(() =>
        {
            Assert.That(metrics.ArchivedGbNextPeriod.Mae, Is.Zero);
            Assert.That(metrics.SavingsGbNextPeriod.Mae, Is.EqualTo(2.0 / 3).Within(1e-12));
            Assert.That(metrics.SavingsGbNextPeriod.RSquared, Is.EqualTo(1 - (2.0 / 200)).Within(1e-12));
        });
    }

    [Test]
    public void Compute_WithTargetsAsPredictions_EqualsComputeWithPredictions()
    {
        ForecastTargets[] actual = [new(1, 10), new(2, 20), new(5, 30)];
        ForecastTargets[] predictedTargets = [new(1.5, 9), new(2, 21), new(4, 33)];
        var predictions = predictedTargets.Select(t => new ForecastPrediction(t.ArchivedGbNextPeriod, t.SavingsGbNextPeriod, [])).ToArray();

        Assert.That(MetricsCalculator.Compute(actual, predictedTargets), Is.EqualTo(MetricsCalculator.Compute(actual, predictions)));
    }

    [Test]
    public void Compute_WhenLengthsDiffer_Throws()
    {
        Assert.That(() => MetricsCalculator.Compute([1.0, 2.0], [1.0]), Throws.ArgumentException);
    }

    [Test]
    public void Compute_WhenEmpty_Throws()
    {
        Assert.That(() => MetricsCalculator.Compute(Array.Empty<ForecastTargets>(), Array.Empty<ForecastTargets>()), Throws.ArgumentException);
    }
}
