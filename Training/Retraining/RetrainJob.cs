using ArchiveForecast.Core.Registry;
using ArchiveForecast.Training.Configuration;
using ArchiveForecast.Training.Data;
using ArchiveForecast.Training.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Training.Retraining;

/// <summary>
/// Runs one retraining request from any queue (in-process, Azure Storage). Idempotent: a request whose run already
/// finished is not run again, so a message delivered twice trains once.
/// </summary>
public sealed class RetrainJob(
    ModelRegistry registry,
    TrainingRunner runner,
    ITrainingDataSource dataSource,
    IOptions<TrainingOptions> options,
    TimeProvider timeProvider,
    ILogger<RetrainJob> logger)
{
    /// <summary>Runs the request and returns how it ended (the finished run's record when it had already finished).</summary>
    public async Task<TrainingResult> HandleAsync(RetrainRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var existing = await registry.GetRunAsync(request.ModelName, request.RunId, cancellationToken);
        if (existing is { Status: RunStatus.Succeeded or RunStatus.Failed })
        {
            TrainingLog.RetrainAlreadyFinished(logger, request.ModelName, request.RunId, existing.Status.ToString());
            return new TrainingResult(existing, existing.Status == RunStatus.Succeeded ? TrainingFailure.None : TrainingFailure.Error);
        }

        // The default was checked when the options were validated at start.
        var dataset = request.Dataset ?? options.Value.ParseDefaultDataset();
        if (dataset is null)
        {
            string reason = $"no dataset was named and {TrainingOptions.SectionName}:{nameof(TrainingOptions.DefaultDataset)} is not set";
            var failed = new RunRecord
            {
                RunId = request.RunId,
                ModelName = request.ModelName,
                Status = RunStatus.Failed,
                Reason = reason,
                Trigger = request.Trigger,
                CreatedAt = existing?.CreatedAt ?? timeProvider.GetUtcNow(),
                FinishedAt = timeProvider.GetUtcNow(),
            };
            await registry.SaveRunAsync(failed, cancellationToken);
            return new TrainingResult(failed, TrainingFailure.InvalidData);
        }

        return await runner.RunAsync(
            new TrainingRun
            {
                ModelName = request.ModelName,
                Data = TrainingDataInput.FromDataset(dataSource, dataset),
                Promote = PromotePolicy.Auto,
                Trigger = request.Trigger,
                RunId = request.RunId,
                Queued = existing,
            },
            cancellationToken);
    }
}
