namespace ArchiveForecast.Core.Registry;

/// <summary>
/// Whether a model name is retired: a retired model answers as unknown everywhere (predict, info, versions, rollback,
/// retraining without <c>create</c>) while its versions and runs stay in the store. Publishing a new version revives it.
/// </summary>
/// <param name="Retired">True while retired.</param>
/// <param name="ChangedAt">When it was retired or revived.</param>
/// <param name="Actor">Who did it.</param>
/// <param name="Reason">Why.</param>
public sealed record ModelRetirement(bool Retired, DateTimeOffset ChangedAt, string Actor, string Reason);
