using System.ComponentModel.DataAnnotations;
using ArchiveForecast.Core.Modeling;
using ArchiveForecast.Training.Data;
using ArchiveForecast.Training.Modeling;

namespace ArchiveForecast.Training.Configuration;

/// <summary>How models are trained and gated (section <c>Training</c>). Every hyper-parameter is optional: unset means the default of the trainer.</summary>
public sealed class TrainingOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Training";

    /// <summary>The trainer used unless a run names one.</summary>
    public TrainerKind Trainer { get; set; } = TrainingDefaults.Trainer;

    /// <summary>Trees per target (boosting iterations for the boosted trainers).</summary>
    [Range(1, 10_000)]
    public int? NumberOfTrees { get; set; }

    /// <summary>Maximum leaves per tree.</summary>
    [Range(2, 1_024)]
    public int? NumberOfLeaves { get; set; }

    /// <summary>Minimum training rows in a leaf.</summary>
    [Range(1, 1_000_000)]
    public int? MinimumExampleCountPerLeaf { get; set; }

    /// <summary>The learning rate of the boosted trainers (ignored by fastforest).</summary>
    [Range(1e-6, 1.0)]
    public double? LearningRate { get; set; }

    /// <summary>The seed of the split and of the fit.</summary>
    public int Seed { get; set; } = TrainerSettings.DefaultSeed;

    /// <summary>A run fails when more than this share of the rows is rejected.</summary>
    [Range(0.0, 1.0)]
    public double MaxRejectRatio { get; set; } = 0.1;

    /// <summary>How much worse than the serving version a candidate may be and still be promoted (see <see cref="Gate.PromotionGate"/>).</summary>
    [Range(0.0, 0.99)]
    public double GateTolerance { get; set; } = Gate.PromotionGate.DefaultTolerance;

    /// <summary>The share of rows held out to evaluate on.</summary>
    [Range(0.05, 0.5)]
    public double HoldoutFraction { get; set; } = 0.2;

    /// <summary>A run fails with fewer accepted rows than this.</summary>
    [Range(10, int.MaxValue)]
    public int MinimumRows { get; set; } = 50;

    /// <summary>The dataset (a path in the training-data store) that retraining uses when a request names none.</summary>
    public string? DefaultDataset { get; set; }

    /// <summary><see cref="DefaultDataset"/> as a checked path, or null when none is set (validated at start).</summary>
    /// <exception cref="ArgumentException">It is not a plain relative path (the options were not validated).</exception>
    public DatasetPath? ParseDefaultDataset() => DefaultDataset is { } configured ? DatasetPath.Parse(configured) : null;

    /// <summary>
    /// The CSV column naming each row's archive source (default <c>source_id</c>, which <c>generate</c> writes). Rows of one
    /// source are held out together when the forecast ranges are calibrated; a file without the column is grouped by
    /// profile instead.
    /// </summary>
    [Required]
    [RegularExpression(@"^[A-Za-z_][A-Za-z0-9_\-]{0,63}\z")]
    public string GroupColumn { get; set; } = Data.CsvTrainingDataReader.SourceIdColumn;

    /// <summary>
    /// How long a run waits for the training lock of its model while another training holds it, retrying with a delay
    /// that starts at <see cref="LockRetryDelay"/> and doubles up to a minute. Default 5 minutes; zero fails at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan LockWaitTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The first delay between attempts to take a busy training lock. Default 2 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan LockRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The trainer settings of a run: <paramref name="trainer"/> (or <see cref="Trainer"/>) with its tuned defaults and these overrides.</summary>
    public TrainerSettings ToTrainerSettings(TrainerKind? trainer = null)
    {
        var kind = trainer ?? Trainer;
        var settings = TrainingDefaults.Settings(kind) with { Seed = Seed };
        return settings with
        {
            NumberOfTrees = NumberOfTrees ?? settings.NumberOfTrees,
            NumberOfLeaves = NumberOfLeaves ?? settings.NumberOfLeaves,
            MinimumExampleCountPerLeaf = MinimumExampleCountPerLeaf ?? settings.MinimumExampleCountPerLeaf,
            LearningRate = kind == TrainerKind.FastForest ? null : LearningRate ?? settings.LearningRate,
        };
    }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.IsDefined(Trainer))
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(Trainer)} must be one of {string.Join(", ", TrainerKindNames.All)}.", [nameof(Trainer)]);
        }

        if (DefaultDataset is not null && !DatasetPath.IsValid(DefaultDataset))
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(DefaultDataset)} must be a plain relative path inside the training data (letters, digits, '-', '_', '.', '/').",
                [nameof(DefaultDataset)]);
        }
    }
}
