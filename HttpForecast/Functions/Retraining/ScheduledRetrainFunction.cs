using ArchiveForecast.HttpForecast.Hosting;
using ArchiveForecast.Training.Retraining;
using Microsoft.Azure.Functions.Worker;

namespace ArchiveForecast.HttpForecast.Functions.Retraining;

/// <summary>Queues the scheduled retraining of the default model (<c>Retraining__Schedule</c>; monthly by default).</summary>
public sealed class ScheduledRetrainFunction(ScheduledRetraining retraining)
{
    /// <summary>Runs on the schedule.</summary>
    [Function("ScheduledRetrain")]
    public Task RunAsync([TimerTrigger(TriggerSettings.RetrainSchedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        retraining.SubmitAsync(timer.IsPastDue, cancellationToken);
}
