namespace ArchiveForecast.Core.Modeling;

/// <summary>A fitted model: the model.zip bytes (both targets, one transformer) and the settings it was fitted with.</summary>
/// <param name="ModelZip">The ML.NET model, with fixed entry timestamps so the same fit gives the same bytes.</param>
/// <param name="Settings">The trainer and hyper-parameters used.</param>
/// <param name="RowsUsed">How many rows the fit saw.</param>
public sealed record TrainedModel(ReadOnlyMemory<byte> ModelZip, TrainerSettings Settings, int RowsUsed);
