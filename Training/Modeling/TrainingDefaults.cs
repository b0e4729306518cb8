using ArchiveForecast.Core.Modeling;

namespace ArchiveForecast.Training.Modeling;

/// <summary>The trainer and hyper-parameters used unless configured otherwise, chosen from the measurements in bench/RESULTS.md.</summary>
public static class TrainingDefaults
{
    /// <summary>The default trainer.</summary>
    public const TrainerKind Trainer = TrainerKind.FastForest;

    /// <summary>The tuned settings of a trainer (with the default seed).</summary>
    public static TrainerSettings Settings(TrainerKind kind) => TrainerSettings.Default(kind);
}
