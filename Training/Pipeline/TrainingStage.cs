namespace ArchiveForecast.Training.Pipeline;

/// <summary>The stages of a training run, in order.</summary>
public enum TrainingStage
{
    /// <summary>Taking the model's training lock and reading the pointer.</summary>
    Starting,
    /// <summary>Reading and validating the data.</summary>
    Reading,
    /// <summary>Fitting the candidate.</summary>
    Fitting,
    /// <summary>Scoring the holdout with the candidate and the serving version.</summary>
    Evaluating,
    /// <summary>Writing the new version.</summary>
    Publishing,
    /// <summary>Swapping the pointer.</summary>
    Promoting,
    /// <summary>The run is over (succeeded or failed).</summary>
    Finished,
}
