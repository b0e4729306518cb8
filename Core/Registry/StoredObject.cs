namespace ArchiveForecast.Core.Registry;

/// <summary>An object's bytes and the ETag they were read at.</summary>
public sealed record StoredObject(ReadOnlyMemory<byte> Content, string ETag);
