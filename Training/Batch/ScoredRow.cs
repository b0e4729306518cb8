using ArchiveForecast.Core.Inference;
using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Training.Batch;

/// <summary>One scored input: its fields as written (null when the input was not a CSV row), the input, the forecast and its ranges.</summary>
/// <param name="Line">The line the CSV record starts on (0 when the input was not a CSV row).</param>
/// <param name="Fields">Every field of the record in the header's order, as written.</param>
/// <param name="Input">The parsed instance.</param>
/// <param name="Prediction">The forecast.</param>
/// <param name="Ranges">The forecast ranges at the job's level, or null when the version has none.</param>
public sealed record ScoredRow(int Line, IReadOnlyList<string>? Fields, ForecastInput Input, ForecastPrediction Prediction, PredictionIntervals? Ranges);
