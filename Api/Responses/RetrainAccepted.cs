namespace ArchiveForecast.Api.Responses;

/// <summary>A queued training run and where to follow it.</summary>
public sealed record RetrainAccepted(string RunId, string StatusUrl);
