namespace ArchiveForecast.Core.Schema;

/// <summary>One labelled row of training data.</summary>
/// <param name="Input">The figures of the month.</param>
/// <param name="Targets">What was actually archived and saved next period.</param>
/// <param name="SourceId">The archive source the row belongs to, when the data names one (used for grouped evaluation).</param>
public sealed record TrainingExample(ForecastInput Input, ForecastTargets Targets, string? SourceId = null);
