using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Training.Retraining;

/// <summary>Runs the requests of the <see cref="InProcessRetrainQueue"/> one at a time, for as long as the host runs.</summary>
public sealed class InProcessRetrainWorker(InProcessRetrainQueue queue, RetrainJob handler, ILogger<InProcessRetrainWorker> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        TrainingLog.WorkerStarted(logger, InProcessRetrainQueue.Capacity);
        await foreach (var request in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await handler.HandleAsync(request, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // One bad request must not stop the worker; the runner has already recorded what it could.
                TrainingLog.RetrainCrashed(logger, request.ModelName, request.RunId, ex);
            }
        }
    }
}
