using System.Diagnostics;
using ArchiveForecast.Core.Telemetry;

namespace ArchiveForecast.Training.Pipeline;

/// <summary>What a finished run adds to the training metrics and its activity: outcome, duration, metrics, gate decision.</summary>
internal static class TrainingRunTelemetry
{
    public static void Record(ArchiveForecastTelemetry? telemetry, Activity? activity, TrainingResult result, TimeSpan elapsed)
    {
        if (telemetry is null)
        {
            return;
        }

        var run = result.Run;
        string outcome = result.Failure switch
        {
            TrainingFailure.None => "succeeded",
            TrainingFailure.InvalidData => "invalid_data",
            TrainingFailure.Busy => "busy",
            TrainingFailure.LockLost => "lock_lost",
            TrainingFailure.Cancelled => "cancelled",
            _ => "error",
        };
        activity?.SetTag(TelemetryNames.Tags.RunId, run.RunId);
        if (result.Failure != TrainingFailure.None)
        {
            activity?.SetStatus(ActivityStatusCode.Error, outcome);
        }

        telemetry.RecordTraining(run.ModelName, run.Version, outcome, elapsed);
        if (run.Version is int version && run.Metrics is { } metrics)
        {
            telemetry.RecordTrainingMetrics(run.ModelName, version, metrics);
        }

        if (result.Gate is { } gate)
        {
            telemetry.RecordGateDecision(run.ModelName, run.Version, gate.Passed, result.Promoted);
        }
    }
}
