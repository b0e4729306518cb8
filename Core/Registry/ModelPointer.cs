namespace ArchiveForecast.Core.Registry;

/// <summary>The content of <c>{model}/current.json</c>: the served version, the one before it, and who changed it when and why.</summary>
public sealed record ModelPointer(
    string ModelName,
    int Version,
    int? PreviousVersion,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    string Reason);

/// <summary>A pointer with the ETag it was read at; a promote must present this ETag to replace it.</summary>
public sealed record PointerState(ModelPointer Value, string ETag);
