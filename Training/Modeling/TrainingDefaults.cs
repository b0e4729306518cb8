using ArchiveForecast.Core.Modeling;

namespace ArchiveForecast.Training.Modeling;

/// <summary>
/// The trainer and hyper-parameters used unless configured otherwise, chosen from the cross-validated measurements in
/// bench/RESULTS.md ("Trainer comparison"): LightGBM with 100 iterations, 31 leaves, 20 rows per leaf and learning rate
/// 0.1 (<see cref="TrainerSettings.Default"/>). On generated data from 500 archive sources, evaluated on sources left out
/// of training, the boosted trainers had about half FastForest's MAE; among them no setting of the sweep beat these by
/// more than the spread between folds, and LightGBM fits fastest. More iterations gained about 1 % and would double the
/// cost of every prediction.
/// </summary>
public static class TrainingDefaults
{
    /// <summary>The default trainer.</summary>
    public const TrainerKind Trainer = TrainerKind.LightGbm;

    /// <summary>The tuned settings of a trainer (with the default seed).</summary>
    public static TrainerSettings Settings(TrainerKind kind) => TrainerSettings.Default(kind);
}
