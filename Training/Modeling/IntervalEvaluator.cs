using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Inference;
using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Training.Modeling;

/// <summary>How forecast ranges did on labelled rows: the share of actual values inside, and how wide they were.</summary>
public static class IntervalEvaluator
{
    /// <summary>Coverage and mean relative width ((upper − lower) / forecast, over forecasts above 1 MB) of both targets at <paramref name="level"/>.</summary>
    public static IntervalQuality? Measure(IntervalCalibration calibration, double level, IReadOnlyList<ForecastTargets> actual, IReadOnlyList<ForecastPrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predictions);
        if (actual.Count == 0 || actual.Count != predictions.Count)
        {
            return null;
        }

        var archived = new Tally();
        var savings = new Tally();
        for (int i = 0; i < actual.Count; i++)
        {
            if (calibration.Apply(predictions[i], level) is not { } ranges)
            {
                return null;
            }

            archived.Add(actual[i].ArchivedGbNextPeriod, predictions[i].ArchivedGbNextPeriod, ranges.ArchivedGbNextPeriod);
            savings.Add(actual[i].SavingsGbNextPeriod, predictions[i].SavingsGbNextPeriod, ranges.SavingsGbNextPeriod);
        }

        return new IntervalQuality(archived.Coverage, archived.MeanRelativeWidth, savings.Coverage, savings.MeanRelativeWidth);
    }

    private sealed class Tally
    {
        // Relative widths of forecasts of almost nothing say nothing about the range, so they are left out of the mean.
        private const double SmallestForecastGb = 0.001;

        private int count;
        private int inside;
        private int widths;
        private double widthSum;

        public double Coverage => count == 0 ? 0 : (double)inside / count;

        public double MeanRelativeWidth => widths == 0 ? 0 : widthSum / widths;

        public void Add(double actual, double forecast, ForecastInterval range)
        {
            count++;
            if (actual >= range.Lower && actual <= range.Upper)
            {
                inside++;
            }

            if (forecast > SmallestForecastGb)
            {
                widths++;
                widthSum += (range.Upper - range.Lower) / forecast;
            }
        }
    }
}
