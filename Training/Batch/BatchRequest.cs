namespace ArchiveForecast.Training.Batch;

/// <summary>A batch scoring job as it travels to a worker (serialized as snake_case JSON).</summary>
/// <param name="RunId">The run id, chosen when the job was accepted; its run record exists before the job is sent.</param>
/// <param name="ModelName">The model that scores; its served version when the job starts scores every row.</param>
/// <param name="Dataset">A CSV in the data store (a plain relative path, as for retraining).</param>
/// <param name="Output">The output's name in the predictions store, or null for the run id (see <see cref="OutputPath"/>).</param>
/// <param name="Trigger">What asked for it: <c>http</c>, <c>cli</c>.</param>
public sealed record BatchRequest(string RunId, string ModelName, string Dataset, string? Output, string Trigger);
