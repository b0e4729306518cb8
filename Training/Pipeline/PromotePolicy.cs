namespace ArchiveForecast.Training.Pipeline;

/// <summary>What a run does with the version it publishes.</summary>
public enum PromotePolicy
{
    /// <summary>Promote only when the gate passes (and nobody promoted during training).</summary>
    Auto,
    /// <summary>Keep it as a candidate whatever the gate says.</summary>
    Never,
    /// <summary>Promote it whatever the gate says.</summary>
    Force,
}
