using ArchiveForecast.Core.Modeling;
using ArchiveForecast.Core.Registry;
using ArchiveForecast.Training.Data;

namespace ArchiveForecast.Training.Pipeline;

/// <summary>What a training run is asked to do.</summary>
public sealed record TrainingRun
{
    /// <summary>The model to train.</summary>
    public required ModelName ModelName { get; init; }

    /// <summary>The data to train on.</summary>
    public required TrainingDataInput Data { get; init; }

    /// <summary>The trainer and hyper-parameters; null for those of the configuration (<c>Training</c> section).</summary>
    public TrainerSettings? Trainer { get; init; }

    /// <summary>What to do with the version published.</summary>
    public PromotePolicy Promote { get; init; } = PromotePolicy.Auto;

    /// <summary>What started the run (<see cref="TrainingTriggers"/>).</summary>
    public string Trigger { get; init; } = TrainingTriggers.Cli;

    /// <summary>The run id; null for a new one. A queued run passes the id its run record was saved under.</summary>
    public RunId? RunId { get; init; }

    /// <summary>
    /// The run record of <see cref="RunId"/> as the caller read it before the run (queued, or running elsewhere when the
    /// request was delivered twice); null when there is none. The runner does not read it again.
    /// </summary>
    public RunRecord? Queued { get; init; }
}
