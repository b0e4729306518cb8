namespace ArchiveForecast.Training.Pipeline;

/// <summary>The names of what starts a run, as run records carry them.</summary>
public static class TrainingTriggers
{
    /// <summary>The <c>archive-forecast train</c> command.</summary>
    public const string Cli = "cli";
    /// <summary><c>POST /api/retrain</c>.</summary>
    public const string Http = "http";
    /// <summary>The scheduled retraining.</summary>
    public const string Timer = "timer";
    /// <summary>A message put on the retraining queue by something else.</summary>
    public const string Queue = "queue";
}
