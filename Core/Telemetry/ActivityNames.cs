namespace ArchiveForecast.Core.Telemetry;

/// <summary>The names of ArchiveForecast's activities (spans; <c>dependencies</c> of type InProc in Application Insights).</summary>
public static class ActivityNames
{
    /// <summary>Scoring one prediction call.</summary>
    public const string Predict = "Predict";

    /// <summary>Reading, verifying, loading and self-checking a version.</summary>
    public const string LoadModel = "LoadModel";

    /// <summary>A training run end to end.</summary>
    public const string TrainModel = "TrainModel";

    /// <summary>A batch scoring job end to end.</summary>
    public const string ScoreBatch = "ScoreBatch";
}
