namespace ArchiveForecast.Training.Pipeline;

/// <summary>Why a run produced no version (the run record's reason has the details).</summary>
public enum TrainingFailure
{
    /// <summary>The run succeeded.</summary>
    None,
    /// <summary>The data cannot be used: no usable header, too many rejected rows, too few rows, no such dataset.</summary>
    InvalidData,
    /// <summary>Another training of the model held the lock for longer than <c>Training:LockWaitTimeout</c>.</summary>
    Busy,
    /// <summary>The training lock was lost while training (its lease could not be renewed); nothing more was published.</summary>
    LockLost,
    /// <summary>The run was cancelled.</summary>
    Cancelled,
    /// <summary>Anything else (the store, the fit, a broken stream); the log has the exception.</summary>
    Error,
}
