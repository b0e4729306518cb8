using ArchiveForecast.Core.Registry;

namespace ArchiveForecast.Training.Pipeline;

/// <summary>A training run stopped by its cancellation token before it published; <see cref="Run"/> is the record as saved.</summary>
public sealed class TrainingCancelledException : OperationCanceledException
{
    public TrainingCancelledException()
        : base("The training run was cancelled.")
    {
    }

    public TrainingCancelledException(string message)
        : base(message)
    {
    }

    public TrainingCancelledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TrainingCancelledException(RunRecord run, Exception innerException, CancellationToken token)
        : base($"Training run {run?.RunId} was cancelled while {run?.Stage}.", innerException, token) =>
        Run = run;

    /// <summary>The run record saved as <see cref="RunStatus.Cancelled"/>, with the stage.</summary>
    public RunRecord? Run { get; }
}
