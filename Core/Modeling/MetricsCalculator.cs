using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Inference;
using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Core.Modeling;

/// <summary>MAE, RMSE and R² of both targets.</summary>
public static class MetricsCalculator
{
    /// <summary>The metrics of <paramref name="predicted"/> against <paramref name="actual"/> (same order, same length, not empty).</summary>
    public static ModelMetrics Compute(IReadOnlyList<ForecastTargets> actual, IReadOnlyList<ForecastTargets> predicted)
    {
        CheckLengths(actual.Count, predicted.Count);
        return Compute(actual, predicted.Count, i => predicted[i].ArchivedGbNextPeriod, i => predicted[i].SavingsGbNextPeriod);
    }

    /// <summary>The metrics of <paramref name="predicted"/> against <paramref name="actual"/> (same order, same length, not empty).</summary>
    public static ModelMetrics Compute(IReadOnlyList<ForecastTargets> actual, IReadOnlyList<ForecastPrediction> predicted)
    {
        CheckLengths(actual.Count, predicted.Count);
        return Compute(actual, predicted.Count, i => predicted[i].ArchivedGbNextPeriod, i => predicted[i].SavingsGbNextPeriod);
    }

    /// <summary>
    /// The metrics of one target. R² is 1 - SSres/SStot; when the actual values are all equal (SStot = 0) it is 1 for a
    /// perfect prediction and 0 otherwise, so it is always finite.
    /// </summary>
    public static RegressionMetrics Compute(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted)
    {
        CheckLengths(actual.Length, predicted.Length);
        double mean = 0;
        foreach (double value in actual)
        {
            mean += value;
        }

        mean /= actual.Length;
        double absolute = 0, squared = 0, total = 0;
        for (int i = 0; i < actual.Length; i++)
        {
            double error = actual[i] - predicted[i];
            absolute += Math.Abs(error);
            squared += error * error;
            total += (actual[i] - mean) * (actual[i] - mean);
        }

        double rSquared = total > 0 ? 1 - (squared / total) : squared == 0 ? 1 : 0;
        return new RegressionMetrics(absolute / actual.Length, Math.Sqrt(squared / actual.Length), rSquared);
    }

    private static ModelMetrics Compute(IReadOnlyList<ForecastTargets> actual, int count, Func<int, double> archived, Func<int, double> savings)
    {
        var actualValues = new double[count];
        var predictedValues = new double[count];
        for (int i = 0; i < count; i++)
        {
            actualValues[i] = actual[i].ArchivedGbNextPeriod;
            predictedValues[i] = archived(i);
        }

        var archivedMetrics = Compute(actualValues, predictedValues);
        for (int i = 0; i < count; i++)
        {
            actualValues[i] = actual[i].SavingsGbNextPeriod;
            predictedValues[i] = savings(i);
        }

        return new ModelMetrics(archivedMetrics, Compute(actualValues, predictedValues));
    }

    private static void CheckLengths(int actual, int predicted)
    {
        if (actual != predicted)
        {
            throw new ArgumentException($"{actual} actual values but {predicted} predictions; they must pair up.");
        }

        if (actual == 0)
        {
            throw new ArgumentException("Metrics need at least one row.");
        }
    }
}
