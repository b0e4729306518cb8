using ArchiveForecast.Training.Data;

namespace ArchiveForecast.Api.Input;

/// <summary>The body of a batch job: <c>{"dataset":"plant-07/2026-11.csv","output":"name"}</c>.</summary>
/// <param name="Dataset">A CSV in the data store (the same path rules as retraining).</param>
/// <param name="Output">The output's name in the predictions store, or null for the run id.</param>
public sealed record BatchBody(DatasetPath Dataset, string? Output);
