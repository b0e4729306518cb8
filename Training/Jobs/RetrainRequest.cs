namespace ArchiveForecast.Training.Jobs;

/// <summary>A request to retrain a model, as it travels through the retraining queue (serialized as snake_case JSON).</summary>
/// <param name="RunId">The run id, chosen when the request was accepted; its run record exists before the message is sent.</param>
/// <param name="ModelName">The model to train.</param>
/// <param name="Dataset">A path inside the training-data store, or null for the configured default dataset.</param>
/// <param name="Trigger">What asked for it: <c>http</c>, <c>timer</c>, <c>queue</c>, <c>cli</c>.</param>
public sealed record RetrainRequest(string RunId, string ModelName, string? Dataset, string Trigger);
