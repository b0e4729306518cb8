using ArchiveForecast.Core.Artifacts;

namespace ArchiveForecast.Core.Drift;

/// <summary>
/// Compares recent values of one input field with the training data's quantiles: the share of values outside
/// p01..p99, and the population stability index over the six bins the quantiles bound.
/// </summary>
/// <remarks>
/// Bins: below p01, [p01, p10), [p10, p50), [p50, p90), [p90, p99], above p99, with the training shares 1 %, 9 %, 40 %,
/// 40 %, 9 %, 1 %. Out of range means below p01 or above p99, as in the prediction's <c>out_of_range</c> flags. When
/// training values tie so that two quantiles are equal, the empty bin between them hands its share to the next bin,
/// which holds the tied value; without that, a field with many equal values (zeros) would always look drifted.
/// </remarks>
public static class DriftCalculator
{
    /// <summary>The number of bins.</summary>
    public const int BinCount = 6;

    /// <summary>The floor of an observed share, so that an empty bin adds a large but finite term.</summary>
    public const double Epsilon = 1e-4;

    /// <summary>The share of training values in each bin, by construction of the quantiles.</summary>
    public static IReadOnlyList<double> TrainingShares { get; } = [0.01, 0.09, 0.40, 0.40, 0.09, 0.01];

    /// <summary>The share of <paramref name="values"/> below p01 or above p99; 0 when there are none.</summary>
    public static double ShareOutside(ReadOnlySpan<double> values, QuantileSet quantiles)
    {
        ArgumentNullException.ThrowIfNull(quantiles);
        if (values.IsEmpty)
        {
            return 0;
        }

        int outside = 0;
        foreach (double value in values)
        {
            if (value < quantiles.P01 || value > quantiles.P99)
            {
                outside++;
            }
        }

        return (double)outside / values.Length;
    }

    /// <summary>
    /// PSI = Σ (a − e) · ln(a / e) over the bins, with a the observed share (at least <see cref="Epsilon"/>) and e the
    /// training share. 0 when there are no values. Rules of thumb: below 0.1 stable, 0.1 to 0.2 moderate, above 0.2 drift.
    /// </summary>
    public static double PopulationStabilityIndex(ReadOnlySpan<double> values, QuantileSet quantiles)
    {
        ArgumentNullException.ThrowIfNull(quantiles);
        if (values.IsEmpty)
        {
            return 0;
        }

        Span<int> counts = stackalloc int[BinCount];
        foreach (double value in values)
        {
            counts[BinOf(value, quantiles)]++;
        }

        Span<double> expected = stackalloc double[BinCount];
        ExpectedShares(quantiles, expected);
        double psi = 0;
        for (int bin = 0; bin < BinCount; bin++)
        {
            double e = expected[bin];
            if (e <= 0)
            {
                continue;
            }

            double a = Math.Max((double)counts[bin] / values.Length, Epsilon);
            psi += (a - e) * Math.Log(a / e);
        }

        return psi;
    }

    /// <summary>The bin of a value: 0 below p01, 5 above p99, 1 to 4 between.</summary>
    public static int BinOf(double value, QuantileSet quantiles)
    {
        ArgumentNullException.ThrowIfNull(quantiles);
        if (value < quantiles.P01)
        {
            return 0;
        }

        if (value > quantiles.P99)
        {
            return 5;
        }

        return value < quantiles.P10 ? 1 : value < quantiles.P50 ? 2 : value < quantiles.P90 ? 3 : 4;
    }

    /// <summary>The training share of each bin once bins of zero width have handed theirs to the next bin.</summary>
    public static void ExpectedShares(QuantileSet quantiles, Span<double> shares)
    {
        ArgumentNullException.ThrowIfNull(quantiles);
        if (shares.Length != BinCount)
        {
            throw new ArgumentException($"Expected {BinCount} shares.", nameof(shares));
        }

        for (int bin = 0; bin < BinCount; bin++)
        {
            shares[bin] = TrainingShares[bin];
        }

        // Bins 1..3 are [lower, upper): empty when the edges are equal. Bin 4 is closed and always holds p99 itself.
        ReadOnlySpan<double> edges = [quantiles.P01, quantiles.P10, quantiles.P50, quantiles.P90];
        for (int bin = 1; bin <= 3; bin++)
        {
            if (edges[bin - 1] >= edges[bin])
            {
                shares[bin + 1] += shares[bin];
                shares[bin] = 0;
            }
        }
    }
}
