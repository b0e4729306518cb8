using ArchiveForecast.Core.Registry;
using ArchiveForecast.Training.Data;

namespace ArchiveForecast.Training.Batch;

/// <summary>A batch scoring job, parsed where it entered (HTTP, a queue message, the CLI); inner layers trust it.</summary>
/// <param name="RunId">The run id, chosen when the job was accepted; its run record exists before the job is queued.</param>
/// <param name="ModelName">The model that scores; its served version when the job starts scores every row.</param>
/// <param name="Dataset">A CSV in the data store (the same path rules as retraining).</param>
/// <param name="Output">The output's name in the predictions store, or null for the run id (see <see cref="OutputPath"/>).</param>
/// <param name="Trigger">What asked for it: <c>http</c>, <c>cli</c>.</param>
public sealed record BatchRequest(RunId RunId, ModelName ModelName, DatasetPath Dataset, string? Output, string Trigger);
