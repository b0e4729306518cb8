namespace ArchiveForecast.Api.Responses;

/// <summary>The last load attempt, without its error text (which can name store locations; it is logged instead).</summary>
public sealed record LoadStateInfo(DateTimeOffset? LastAttemptAt, bool LastAttemptFailed, int ConsecutiveFailures);
