using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Core.Inference;

/// <summary>
/// The training range of each numeric input (its 1st to 99th percentile), and the inputs of a request that fall outside
/// it. An input the quantiles do not cover is never flagged.
/// </summary>
internal sealed class InputRanges
{
    private static readonly string[] NoFlags = [];

    private readonly (double Low, double High)[] ranges;

    private InputRanges((double Low, double High)[] ranges) => this.ranges = ranges;

    /// <summary>The ranges of <paramref name="quantiles"/>, or null when there are none (nothing is ever flagged).</summary>
    public static InputRanges? Of(FeatureQuantiles? quantiles)
    {
        if (quantiles is null)
        {
            return null;
        }

        var ranges = new (double Low, double High)[NumericInputs.Count];
        for (int i = 0; i < ranges.Length; i++)
        {
            ranges[i] = quantiles.Features.TryGetValue(FieldNames.NumericInputs[i], out var set)
                ? (set.P01, set.P99)
                : (double.NegativeInfinity, double.PositiveInfinity);
        }

        return new InputRanges(ranges);
    }

    /// <summary>The field names of the inputs outside their range, in schema order; a shared empty array when none is.</summary>
    public string[] Outside(ForecastInput input)
    {
        // Counted first so that the common case, nothing outside, allocates nothing.
        int outside = 0;
        for (int i = 0; i < this.ranges.Length; i++)
        {
            if (IsOutside(input, i))
            {
                outside++;
            }
        }

        if (outside == 0)
        {
            return NoFlags;
        }

        var flags = new string[outside];
        for (int i = 0, next = 0; i < this.ranges.Length; i++)
        {
            if (IsOutside(input, i))
            {
                flags[next++] = FieldNames.NumericInputs[i];
            }
        }

        return flags;
    }

    private bool IsOutside(ForecastInput input, int index)
    {
        double value = NumericInputs.Get(input, index);
        return value < this.ranges[index].Low || value > this.ranges[index].High;
    }
}
