namespace ArchiveForecast.Training.Modeling;

/// <summary>A cross-validated comparison of trainers on the same folds.</summary>
/// <param name="Kind"><see cref="RandomFolds"/> or <see cref="SourceFolds"/>.</param>
/// <param name="Folds">How many folds.</param>
/// <param name="Rows">How many rows were split into folds.</param>
/// <param name="Trainers">The trainers' scores, in the order asked for.</param>
public sealed record CrossValidationResult(string Kind, int Folds, int Rows, IReadOnlyList<TrainerScore> Trainers)
{
    /// <summary>Rows assigned to folds at random (by seeded hash).</summary>
    public const string RandomFolds = "kfold";

    /// <summary>Whole sources assigned to folds: each fold's holdout sources are unseen in its training.</summary>
    public const string SourceFolds = "grouped_by_source";
}
