using ArchiveForecast.Core.Registry;
using ArchiveForecast.Training.Data;

namespace ArchiveForecast.Api.Input;

/// <summary>The body of a retrain: <c>{"model":"name","dataset":"path","create":false}</c>.</summary>
/// <param name="Model">The model to retrain; null means the service's default model.</param>
/// <param name="Dataset">A path in the training-data store; null means the configured default dataset.</param>
/// <param name="Create">True to train a model that does not exist yet; otherwise an unknown model is refused.</param>
public sealed record RetrainBody(ModelName? Model, DatasetPath? Dataset, bool Create = false);
