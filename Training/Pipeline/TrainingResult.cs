using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Registry;
using ArchiveForecast.Training.Gate;

namespace ArchiveForecast.Training.Pipeline;

/// <summary>How a run ended: its final run record, and when it published a version, the card and the gate's decision.</summary>
/// <param name="Run">The run record as saved.</param>
/// <param name="Failure">Why it failed, or <see cref="TrainingFailure.None"/>.</param>
/// <param name="Card">The model card of the version published.</param>
/// <param name="Gate">What the gate decided.</param>
public sealed record TrainingResult(RunRecord Run, TrainingFailure Failure, ModelCard? Card = null, GateDecision? Gate = null)
{
    /// <summary>True when a version was published.</summary>
    public bool Succeeded => Run.Status == RunStatus.Succeeded;

    /// <summary>True when the version published is now served.</summary>
    public bool Promoted => Run.Promoted == true;
}
