using ArchiveForecast.Training.Batch;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Training.Retraining;

/// <summary>Runs the batch jobs of the <see cref="InProcessRetrainQueue"/> one at a time, for as long as the host runs.</summary>
public sealed class InProcessBatchWorker(InProcessRetrainQueue queue, BatchJobRunner runner, ILogger<InProcessBatchWorker> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var request in queue.BatchReader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await runner.RunAsync(request, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // One job's fault must not stop the worker. With no queue to deliver it again, its record says so.
                TrainingLog.BatchNotRun(logger, request.ModelName, request.RunId, ex);
                await runner.RecordUnrunnableAsync(request, $"the batch job could not run ({ex.GetType().Name}); submit it again", stoppingToken);
            }
        }
    }
}
