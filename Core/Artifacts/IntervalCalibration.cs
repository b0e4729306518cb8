using ArchiveForecast.Core.Inference;
using ArchiveForecast.Core.Modeling;

namespace ArchiveForecast.Core.Artifacts;

/// <summary>
/// How wide a forecast's range must be, per supported level: quantiles of held-out residuals in the model's log space
/// (ln(GB + 0.001)), so a range scales with the size of the source. Stored in the model card, which the manifest
/// hashes, so it is verified and loaded with the version.
/// </summary>
/// <param name="Method">How the residuals were obtained, in words.</param>
/// <param name="Grouping">What rows were held out together: the source column (<c>source_id</c> by default), or <c>feature_profiles</c> when the data names no source.</param>
/// <param name="Groups">How many groups there were.</param>
/// <param name="Folds">How many folds held groups out.</param>
/// <param name="Rows">How many held-out residuals each level is calibrated on.</param>
/// <param name="Levels">One entry per supported level, in ascending order.</param>
public sealed record IntervalCalibration(string Method, string Grouping, int Groups, int Folds, int Rows, IReadOnlyList<LevelCalibration> Levels)
{
    /// <summary>The levels a request may ask for.</summary>
    public static IReadOnlyList<double> SupportedLevels { get; } = [0.5, 0.8, 0.9, 0.95];

    /// <summary>The level a request gets when it names none.</summary>
    public const double DefaultLevel = 0.8;

    /// <summary>The residual of a forecast in the log space the offsets apply to: ln(actual + 0.001) − ln(forecast + 0.001).</summary>
    public static double LogResidual(double actual, double forecast) => ForecastPipeline.ToLabel(actual) - ForecastPipeline.ToLabel(forecast);

    /// <summary>True when <paramref name="level"/> is one of <see cref="SupportedLevels"/>.</summary>
    public static bool IsSupported(double level) => SupportedLevels.Contains(level);

    /// <summary>The ranges of <paramref name="prediction"/> at <paramref name="level"/>, or null when this calibration lacks the level.</summary>
    public PredictionIntervals? Apply(ForecastPrediction prediction, double level)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        foreach (var calibration in Levels)
        {
            if (calibration.Level == level)
            {
                bool outside = prediction.OutOfRange.Count > 0;
                return new PredictionIntervals(
                    level,
                    (outside ? calibration.ArchivedGbNextPeriodOutOfRange ?? calibration.ArchivedGbNextPeriod : calibration.ArchivedGbNextPeriod).Around(prediction.ArchivedGbNextPeriod),
                    (outside ? calibration.SavingsGbNextPeriodOutOfRange ?? calibration.SavingsGbNextPeriod : calibration.SavingsGbNextPeriod).Around(prediction.SavingsGbNextPeriod));
            }
        }

        return null;
    }
}

/// <summary>The calibration of one level, with how it did on the training holdout.</summary>
/// <param name="Level">The share of actual values the range is meant to hold, such as 0.8.</param>
/// <param name="ArchivedGbNextPeriod">The log-space offsets of <c>archived_gb_next_period</c> for inputs inside the training range.</param>
/// <param name="SavingsGbNextPeriod">The log-space offsets of <c>savings_gb_next_period</c> for inputs inside the training range.</param>
/// <param name="Holdout">Coverage and width on the holdout rows (sources the model may have seen), when measured.</param>
public sealed record LevelCalibration(double Level, LogOffsets ArchivedGbNextPeriod, LogOffsets SavingsGbNextPeriod, IntervalQuality? Holdout = null)
{
    /// <summary>The offsets of <c>archived_gb_next_period</c> for a forecast with inputs outside the training range (wider).</summary>
    public LogOffsets? ArchivedGbNextPeriodOutOfRange { get; init; }

    /// <summary>The offsets of <c>savings_gb_next_period</c> for a forecast with inputs outside the training range (wider).</summary>
    public LogOffsets? SavingsGbNextPeriodOutOfRange { get; init; }
}

/// <summary>Offsets added to a forecast's ln(GB + 0.001): the range is [exp(log + Lower), exp(log + Upper)] − 0.001.</summary>
public sealed record LogOffsets(double Lower, double Upper)
{
    /// <summary>
    /// The range around a forecast of <paramref name="gb"/>: never below zero, and always holding the forecast itself
    /// (a quantile can fall on the forecast's side when the model is biased; widening to it only raises coverage).
    /// </summary>
    public ForecastInterval Around(double gb)
    {
        double scale = gb + ForecastPipeline.LabelOffsetGb;
        double lower = Math.Max(0, (scale * Math.Exp(Lower)) - ForecastPipeline.LabelOffsetGb);
        double upper = Math.Max(0, (scale * Math.Exp(Upper)) - ForecastPipeline.LabelOffsetGb);
        return new ForecastInterval(Math.Min(lower, gb), Math.Max(upper, gb));
    }
}

/// <summary>The share of actual values inside the range, and the mean of (upper − lower) / forecast, per target.</summary>
public sealed record IntervalQuality(double ArchivedCoverage, double ArchivedMeanRelativeWidth, double SavingsCoverage, double SavingsMeanRelativeWidth);
