namespace ArchiveForecast.Core.Configuration;

/// <summary>
/// The configuration shape every blob storage section shares: a container URL reached with managed identity (Azure),
/// or a connection string plus container name (Azurite, local development).
/// </summary>
/// <param name="SectionName">The configuration section, named in error messages (<c>ModelStore</c>, <c>TrainingData</c>).</param>
/// <param name="ContainerUri">The container URL (https, no query string).</param>
/// <param name="ConnectionString">A storage connection string.</param>
/// <param name="ContainerName">The container used with <paramref name="ConnectionString"/>.</param>
/// <param name="ManagedIdentityClientId">The user-assigned identity the URL is reached with; null for the system-assigned one.</param>
public sealed record BlobContainerSettings(
    string SectionName,
    Uri? ContainerUri,
    string? ConnectionString,
    string ContainerName,
    string? ManagedIdentityClientId);
