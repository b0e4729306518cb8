using ArchiveForecast.Core.Modeling;
using ArchiveForecast.Core.Registry;

namespace ArchiveForecast.Training.Pipeline;

/// <summary>One run as it goes through the pipeline: its request, settings, the record so far and the stage reached.</summary>
internal sealed class RunState(TrainingRun request, TrainerSettings settings, IProgress<TrainingProgress>? progress)
{
    public TrainingRun Request => request;

    public TrainerSettings Settings => settings;

    public required RunRecord Record { get; set; }

    /// <summary>The stage last reported: where a cancellation found the run.</summary>
    public TrainingStage Stage { get; private set; } = TrainingStage.Starting;

    public void Report(TrainingStage stage, string message, int? rowsRead = null)
    {
        Stage = stage;
        progress?.Report(new TrainingProgress(stage, message, rowsRead));
    }
}
