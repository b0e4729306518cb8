namespace ArchiveForecast.Core.Modeling;

/// <summary>The column names of the ML.NET pipeline. They are inside every saved model.zip, so they never change.</summary>
internal static class ModelColumns
{
    public const string Features = "Features";
    public const string ArchivedLabel = "ArchivedGbNextPeriod";
    public const string SavingsLabel = "SavingsGbNextPeriod";
    public const string Score = "Score";
    public const string ArchivedScore = "ArchivedScore";
    public const string SavingsScore = "SavingsScore";
    public const string Contributions = "FeatureContributions";
    public const string ArchivedContributions = "ArchivedContributions";
    public const string SavingsContributions = "SavingsContributions";
}
