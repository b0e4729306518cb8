using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Core.Artifacts;

/// <summary>What a version is: how it was trained, on what, how well it does, and canary rows to check it after loading.</summary>
public sealed record ModelCard
{
    /// <summary>The model name the version belongs to.</summary>
    public required string ModelName { get; init; }
    /// <summary>The training run that produced it.</summary>
    public required string RunId { get; init; }
    /// <summary>When training finished.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>The trainer (<c>fastforest</c>, <c>fasttree</c>, <c>lightgbm</c>).</summary>
    public required string Trainer { get; init; }
    /// <summary>The trainer's hyper-parameters as invariant strings.</summary>
    public required IReadOnlyDictionary<string, string> Parameters { get; init; }
    /// <summary>The feature schema version the model was trained on.</summary>
    public required string FeatureVersion { get; init; }
    /// <summary>The feature names in vector order, for explanations.</summary>
    public required IReadOnlyList<string> FeatureNames { get; init; }
    /// <summary>Holdout metrics per target.</summary>
    public required ModelMetrics Metrics { get; init; }
    /// <summary>What data the version was trained on.</summary>
    public required DataFingerprint Data { get; init; }
    /// <summary>How long each stage took.</summary>
    public required TrainingTimings Timings { get; init; }
    /// <summary>Rows with the outputs the model gave at training time; a loaded model must give the same.</summary>
    public required IReadOnlyList<CanaryRow> Canaries { get; init; }
    /// <summary>The calibration of the forecast ranges; null for versions trained before ranges existed, or on too few sources.</summary>
    public IntervalCalibration? Intervals { get; init; }
}

/// <summary>Regression metrics of one target.</summary>
public sealed record RegressionMetrics(double Mae, double Rmse, double RSquared);

/// <summary>Metrics of both targets.</summary>
public sealed record ModelMetrics(RegressionMetrics ArchivedGbNextPeriod, RegressionMetrics SavingsGbNextPeriod);

/// <summary>The training data: its SHA-256 over the accepted rows, and the row counts of each stage.</summary>
public sealed record DataFingerprint(string Source, string Sha256, int RowsRead, int RowsRejected, int RowsTrain, int RowsHoldout);

/// <summary>Durations in milliseconds.</summary>
public sealed record TrainingTimings(double LoadMs, double TrainMs, double EvaluateMs);

/// <summary>A canary: an input and the outputs the freshly trained model gave for it.</summary>
public sealed record CanaryRow(CanaryInput Input, ForecastTargets Expected);

/// <summary>A canary input in wire form (the month as <c>YYYY-MM-01</c>).</summary>
public sealed record CanaryInput(
    string Month,
    long TotalFiles,
    double AvgFileSizeMb,
    double PctPdf,
    double PctDocx,
    double PctXlsx,
    double ArchiveFrequencyPerDay)
{
    /// <summary>The canary as a model input.</summary>
    public ForecastInput ToInput() =>
        new(MonthFormat.TryParse(Month, out var month, out _) ? month : default, TotalFiles, AvgFileSizeMb, PctPdf, PctDocx, PctXlsx, ArchiveFrequencyPerDay);

    /// <summary>The wire form of a model input.</summary>
    public static CanaryInput From(ForecastInput input) =>
        new(MonthFormat.Format(input.Month), input.TotalFiles, input.AvgFileSizeMb, input.PctPdf, input.PctDocx, input.PctXlsx, input.ArchiveFrequencyPerDay);
}
