namespace ArchiveForecast.Core.Modeling;

/// <summary>
/// The column names of the ML.NET pipeline. The feature and score names are read from every saved model.zip at load,
/// so they never change.
/// </summary>
internal static class ModelColumns
{
    public const string Features = "Features";

    // Labels are read only by the fit. The regressors learn ln(GB + 0.001) of each target; models fitted before that
    // learnt the raw GB under "ArchivedGbNextPeriod" and "SavingsGbNextPeriod", and still load: they produce the same
    // score columns, in GB, from their own chain.
    public const string ArchivedLabel = "ArchivedLogGb";
    public const string SavingsLabel = "SavingsLogGb";
    public const string Score = "Score";
    public const string ArchivedScore = "ArchivedScore";
    public const string SavingsScore = "SavingsScore";
    public const string Contributions = "FeatureContributions";
    public const string ArchivedContributions = "ArchivedContributions";
    public const string SavingsContributions = "SavingsContributions";
}
