namespace ArchiveForecast.Api.Responses;

/// <summary>A queued batch job and where to follow it.</summary>
/// <param name="RunId">The job's run id.</param>
/// <param name="StatusUrl">Where its run record is read.</param>
public sealed record BatchAccepted(string RunId, string StatusUrl);
