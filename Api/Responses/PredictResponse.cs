namespace ArchiveForecast.Api.Responses;

/// <summary>The answer of a predict route: the one model version that made every prediction, and the predictions in order.</summary>
public sealed record PredictResponse(ModelRef Model, IReadOnlyList<Prediction> Predictions);
