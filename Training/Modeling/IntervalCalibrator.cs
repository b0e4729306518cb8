using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Inference;
using ArchiveForecast.Core.Modeling;
using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Training.Modeling;

/// <summary>
/// Calibrates forecast ranges by grouped cross-fitting: the training rows are split into folds of whole sources
/// (<c>source_id</c>, or <see cref="ProfileGroups"/> when the data names none), a model is fitted without each fold and
/// scores it, and those out-of-fold residuals in log space give each level's offsets. Every residual comes from a
/// source its model never saw, which is the case the ranges are for. Residuals of inputs outside the fold model's
/// training range (p01..p99) are calibrated apart, because a model extrapolating errs more: a forecast flagged
/// <c>out_of_range</c> gets the wider offsets.
/// </summary>
public static class IntervalCalibrator
{
    /// <summary>Folds of the cross-fitting (fewer when there are fewer groups).</summary>
    public const int Folds = 5;

    /// <summary>
    /// Rows the fold models see at most: above it whole groups are sampled. Residuals of models fitted on less data are
    /// a little larger, so on big files the ranges err wide, never narrow.
    /// </summary>
    public const int MaxRows = 20_000;

    /// <summary>Groups a part (inputs in or out of range) needs to be calibrated on its own rather than on all residuals.</summary>
    public const int MinGroupsPerPart = 8;

    /// <summary>Groups needed before the residuals' own quantiles are used rather than a normal model of them.</summary>
    public const int MinGroupsForQuantiles = 30;

    /// <summary>The calibration, or null when the rows hold fewer than two groups (nothing could be held out).</summary>
    /// <param name="rows">The training rows; <see cref="TrainingExample.SourceId"/> names their sources where the data has them.</param>
    /// <param name="settings">The trainer settings of the run, for the fold models.</param>
    /// <param name="seed">The seed of the folds and the sample.</param>
    /// <param name="sourceColumn">The column the sources came from, for the calibration's record.</param>
    /// <param name="cancellationToken">Stops between fold fits.</param>
    public static IntervalCalibration? Calibrate(
        IReadOnlyList<TrainingExample> rows, TrainerSettings settings, int seed, string sourceColumn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        bool named = rows.All(r => r.SourceId is not null);
        var grouped = named ? SampleGroups(rows, seed) : ProfileGroups.Assign(SampleRows(rows, seed));
        int groups = DataSplitter.CountSources(grouped);
        int folds = Math.Min(Folds, groups);
        if (folds < 2)
        {
            return null;
        }

        var residuals = new List<Residual>(grouped.Count);
        foreach (var fold in DataSplitter.GroupedKFold(grouped, folds, seed))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var trained = ForecastTrainer.Fit(fold.Train, settings, cancellationToken);
            var ranges = QuantileCalculator.Compute([.. fold.Train.Select(r => r.Input)]);
            using var model = ForecastModel.FromZip("calibration", 0, trained.ModelZip, ranges, TimeProvider.System);
            var predictions = model.PredictBatch([.. fold.Holdout.Select(r => r.Input)]);
            for (int i = 0; i < predictions.Count; i++)
            {
                var row = fold.Holdout[i];
                residuals.Add(new Residual(
                    row.SourceId!,
                    predictions[i].OutOfRange.Count > 0,
                    IntervalCalibration.LogResidual(row.Targets.ArchivedGbNextPeriod, predictions[i].ArchivedGbNextPeriod),
                    IntervalCalibration.LogResidual(row.Targets.SavingsGbNextPeriod, predictions[i].SavingsGbNextPeriod)));
            }
        }

        var inRange = residuals.Where(r => !r.OutOfRange).ToList();
        var outOfRange = residuals.Where(r => r.OutOfRange).ToList();
        var levels = IntervalCalibration.SupportedLevels.Select(level =>
        {
            // Either part may be too thin to calibrate alone; then it borrows the offsets of all residuals.
            var (archived, savings) = Offsets(Enough(inRange) ? inRange : residuals, level);
            var (archivedOut, savingsOut) = Enough(outOfRange) ? Offsets(outOfRange, level) : Offsets(residuals, level);
            return new LevelCalibration(level, archived, savings)
            {
                ArchivedGbNextPeriodOutOfRange = archivedOut,
                SavingsGbNextPeriodOutOfRange = savingsOut,
            };
        }).ToList();
        return new IntervalCalibration(
            $"grouped cross-fitting: {folds} folds of whole groups; residuals of ln(GB + 0.001), inputs in and out of the fold's training range apart; "
            + $"empirical quantiles with at least {MinGroupsForQuantiles} groups, else a normal model with between-group (its 75 % upper bound) and within-group variance and Student-t quantiles",
            named ? sourceColumn : "feature_profiles",
            groups,
            folds,
            residuals.Count,
            levels);
    }

    /// <summary>The calibration with each level's coverage and mean relative width on labelled rows scored by the final model.</summary>
    public static IntervalCalibration WithHoldoutQuality(IntervalCalibration calibration, IReadOnlyList<ForecastTargets> actual, IReadOnlyList<ForecastPrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        return calibration with
        {
            Levels = [.. calibration.Levels.Select(l => l with { Holdout = IntervalEvaluator.Measure(calibration, l.Level, actual, predictions) })],
        };
    }

    private static bool Enough(List<Residual> residuals) =>
        residuals.Count >= 30 && residuals.Select(r => r.Group).Distinct(StringComparer.Ordinal).Count() >= MinGroupsPerPart;

    private static (LogOffsets Archived, LogOffsets Savings) Offsets(List<Residual> residuals, double level)
    {
        var groups = residuals.Select(r => r.Group).Distinct(StringComparer.Ordinal).Count();
        return groups >= MinGroupsForQuantiles
            ? (Empirical([.. residuals.Select(r => r.Archived)], level), Empirical([.. residuals.Select(r => r.Savings)], level))
            : (GroupNormal(residuals, r => r.Archived, level), GroupNormal(residuals, r => r.Savings, level));
    }

    /// <summary>Split-conformal quantiles with the finite-sample correction: ranks ⌊(n+1)(1−α)/2⌋ and ⌈(n+1)(1+α)/2⌉.</summary>
    private static LogOffsets Empirical(List<double> values, double level)
    {
        values.Sort();
        int n = values.Count;
        int lower = Math.Clamp((int)Math.Floor((n + 1) * (1 - level) / 2) - 1, 0, n - 1);
        int upper = Math.Clamp((int)Math.Ceiling((n + 1) * (1 + level) / 2) - 1, 0, n - 1);
        return new LogOffsets(values[lower], values[upper]);
    }

    /// <summary>
    /// With few groups the empirical quantiles are lumpy: the residuals of one source move together, so a dozen sources
    /// give a dozen samples, not hundreds. A new source's residual is then modelled as its source's offset plus noise:
    /// mean ± t(G−1) · √(between-group variance · (1 + 1/G) + within-group variance).
    /// </summary>
    private static LogOffsets GroupNormal(List<Residual> residuals, Func<Residual, double> of, double level)
    {
        var groups = residuals.GroupBy(r => r.Group, StringComparer.Ordinal).Select(g => g.Select(of).ToList()).ToList();
        var means = groups.Select(g => g.Average()).ToList();
        double mean = means.Average();
        double between = means.Sum(m => (m - mean) * (m - mean)) / Math.Max(1, means.Count - 1);
        double within = groups.Sum(g => { double m = g.Average(); return g.Sum(r => (r - m) * (r - m)); }) / Math.Max(1, residuals.Count - groups.Count);
        double spread = Math.Sqrt((BetweenUpperBound(between, means.Count - 1) * (1 + (1.0 / means.Count))) + within);
        double t = StudentT(NormalQuantile(level), means.Count - 1);
        return new LogOffsets(mean - (t * spread), mean + (t * spread));
    }

    /// <summary>
    /// The between-group variance of a dozen groups is itself uncertain, and underestimating it makes every range too
    /// narrow for new sources; its one-sided 75 % upper confidence bound, ν·s² / χ²(0.25; ν) (Wilson-Hilferty for the
    /// chi-square quantile), errs wide instead.
    /// </summary>
    private static double BetweenUpperBound(double variance, int degreesOfFreedom)
    {
        double v = Math.Max(degreesOfFreedom, 1);
        const double z25 = -0.6744897501960817;
        double chiSquare = v * Math.Pow(1 - (2 / (9 * v)) + (z25 * Math.Sqrt(2 / (9 * v))), 3);
        return variance * v / chiSquare;
    }

    /// <summary>The two-sided standard normal quantile of a supported level.</summary>
    private static double NormalQuantile(double level) => level switch
    {
        0.5 => 0.6744897501960817,
        0.8 => 1.2815515655446004,
        0.9 => 1.6448536269514722,
        0.95 => 1.959963984540054,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "not a supported level"),
    };

    /// <summary>Student-t quantile from the normal one (Cornish-Fisher expansion; within 1 % for 4 or more degrees of freedom).</summary>
    private static double StudentT(double z, int degreesOfFreedom)
    {
        double v = Math.Max(degreesOfFreedom, 2);
        double z3 = z * z * z, z5 = z3 * z * z;
        return z + ((z3 + z) / (4 * v)) + (((5 * z5) + (16 * z3) + (3 * z)) / (96 * v * v));
    }

    /// <summary>Rows in a seeded order up to <see cref="MaxRows"/>: grouping by profile is done on the sample.</summary>
    private static IReadOnlyList<TrainingExample> SampleRows(IReadOnlyList<TrainingExample> rows, int seed) =>
        rows.Count <= MaxRows ? rows : [.. rows.OrderBy(r => RowHash.Of(r, seed)).Take(MaxRows)];

    private static IReadOnlyList<TrainingExample> SampleGroups(IReadOnlyList<TrainingExample> rows, int seed)
    {
        if (rows.Count <= MaxRows)
        {
            return rows;
        }

        var kept = new List<TrainingExample>(MaxRows);
        foreach (var group in rows.GroupBy(r => r.SourceId, StringComparer.Ordinal).OrderBy(g => RowHash.Of(g.Key!, seed)).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            if (kept.Count >= MaxRows)
            {
                break;
            }

            kept.AddRange(group);
        }

        return kept;
    }

    private sealed record Residual(string Group, bool OutOfRange, double Archived, double Savings);
}
