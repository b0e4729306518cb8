namespace ArchiveForecast.Core.Modeling;

/// <summary>
/// The column names of the ML.NET pipeline. The feature and score names are read from every saved model.zip at load,
/// so they never change.
/// </summary>
internal static class ModelColumns
{
    public const string Features = "Features";

    // Labels are read only by the fit. The regressors learn log1p of each target in GB; models fitted before that learnt
    // the raw GB under "ArchivedGbNextPeriod" and "SavingsGbNextPeriod", and still load because they score the same columns.
    public const string ArchivedLabel = "ArchivedLog1pGb";
    public const string SavingsLabel = "SavingsLog1pGb";
    public const string Score = "Score";
    public const string ArchivedScore = "ArchivedScore";
    public const string SavingsScore = "SavingsScore";
    public const string Contributions = "FeatureContributions";
    public const string ArchivedContributions = "ArchivedContributions";
    public const string SavingsContributions = "SavingsContributions";
}
