namespace ArchiveForecast.Core.Inference;

/// <summary>What the last load attempt of a served model did, for health and model info.</summary>
/// <param name="LastAttemptAt">When a load was last tried.</param>
/// <param name="LastError">Why the last attempt failed (a sentence naming the version and file), or null when it succeeded.</param>
/// <param name="ConsecutiveFailures">Failed attempts since the last success.</param>
public sealed record ModelLoadState(DateTimeOffset? LastAttemptAt, string? LastError, int ConsecutiveFailures);
