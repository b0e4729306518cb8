using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Core.Modeling;

/// <summary>The p01 p10 p50 p90 p99 of every numeric input field of the training data, for range checks and drift.</summary>
public static class QuantileCalculator
{
    /// <summary>The quantiles of each field of <see cref="FieldNames.NumericInputs"/> over <paramref name="inputs"/> (not empty).</summary>
    public static FeatureQuantiles Compute(IReadOnlyList<ForecastInput> inputs)
    {
        if (inputs.Count == 0)
        {
            throw new ArgumentException("Quantiles need at least one row.", nameof(inputs));
        }

        var values = new double[inputs.Count];
        var features = new Dictionary<string, QuantileSet>(NumericInputs.Count, StringComparer.Ordinal);
        for (int field = 0; field < NumericInputs.Count; field++)
        {
            for (int i = 0; i < inputs.Count; i++)
            {
                values[i] = NumericInputs.Get(inputs[i], field);
            }

            Array.Sort(values);
            features[FieldNames.NumericInputs[field]] = new QuantileSet(
                Quantile(values, 0.01), Quantile(values, 0.10), Quantile(values, 0.50), Quantile(values, 0.90), Quantile(values, 0.99));
        }

        return new FeatureQuantiles(features);
    }

    /// <summary>
    /// The <paramref name="probability"/> quantile of ascending <paramref name="sorted"/> values by linear interpolation
    /// between the closest ranks (rank = p × (n − 1), as numpy's default).
    /// </summary>
    public static double Quantile(ReadOnlySpan<double> sorted, double probability)
    {
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("No values.", nameof(sorted));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(probability, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(probability, 1);
        double rank = probability * (sorted.Length - 1);
        int lower = (int)Math.Floor(rank);
        int upper = Math.Min(lower + 1, sorted.Length - 1);
        double fraction = rank - lower;
        return sorted[lower] + (fraction * (sorted[upper] - sorted[lower]));
    }
}
