namespace ArchiveForecast.Api.Responses;

/// <summary>The pointer of a model: the version it names, the promotion history rollbacks walk back along, and the last change.</summary>
/// <param name="Current">The version the pointer names (what every instance serves once it has reloaded).</param>
/// <param name="History">The versions served before it, most recent first: a rollback goes to the first.</param>
/// <param name="UpdatedAt">When the pointer last changed.</param>
/// <param name="UpdatedBy">Who changed it.</param>
/// <param name="Reason">Why.</param>
public sealed record PromotionInfo(int Current, IReadOnlyList<int> History, DateTimeOffset UpdatedAt, string UpdatedBy, string Reason);
