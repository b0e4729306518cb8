using ArchiveForecast.Core.Registry;
using ArchiveForecast.Training.Data;

namespace ArchiveForecast.Training.Retraining;

/// <summary>A request to retrain a model, parsed where it entered (HTTP, timer, CLI, a queue message); inner layers trust it.</summary>
/// <param name="RunId">The run id, chosen when the request was accepted; its run record exists before the request is queued.</param>
/// <param name="ModelName">The model to train.</param>
/// <param name="Dataset">A path inside the training-data store, or null for the configured default dataset.</param>
/// <param name="Trigger">What asked for it: <c>http</c>, <c>timer</c>, <c>queue</c>, <c>cli</c>.</param>
public sealed record RetrainRequest(RunId RunId, ModelName ModelName, DatasetPath? Dataset, string Trigger);
