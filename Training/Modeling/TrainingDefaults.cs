using ArchiveForecast.Core.Modeling;

namespace ArchiveForecast.Training.Modeling;

/// <summary>
/// The trainer and hyper-parameters used unless configured otherwise, chosen from the measurements in bench/MODELING.md:
/// on the log target, boosting fits the near-additive effects far better than a forest, and LightGBM with its own
/// defaults (100 iterations, 31 leaves, 20 rows per leaf, learning rate 0.1) is as accurate on unseen sources as any
/// setting tried, the fastest to fit and the smallest to store. On raw GB labels (bench/RESULTS.md, "Trainer
/// comparison") the boosted trainers already had about half FastForest's MAE on unseen sources.
/// </summary>
public static class TrainingDefaults
{
    /// <summary>The default trainer.</summary>
    public const TrainerKind Trainer = TrainerKind.LightGbm;

    /// <summary>The tuned settings of a trainer (with the default seed).</summary>
    public static TrainerSettings Settings(TrainerKind kind) => TrainerSettings.Default(kind);
}
