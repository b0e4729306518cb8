namespace ArchiveForecast.Training.Pipeline;

/// <summary>Where a run is, for a progress display.</summary>
/// <param name="Stage">The stage now running.</param>
/// <param name="Message">What is happening, in a few words.</param>
/// <param name="RowsRead">Rows read so far, while reading.</param>
public sealed record TrainingProgress(TrainingStage Stage, string Message, int? RowsRead = null);
