using ArchiveForecast.Core.Configuration;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Core.Registry;

/// <summary>Creates the <see cref="IArtifactStore"/> that <see cref="ModelStoreOptions"/> choose: one case per <see cref="ModelStoreKind"/>.</summary>
public static class ArtifactStoreFactory
{
    /// <summary>Creates the store.</summary>
    /// <exception cref="InvalidOperationException">The options choose no store or several, or a store this build cannot create.</exception>
    public static IArtifactStore Create(ModelStoreOptions options, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        if (!ModelStoreSelection.TryGetKind(options, out var kind, out var error))
        {
            throw new InvalidOperationException(error);
        }

        return kind switch
        {
            ModelStoreKind.Folder => new FolderArtifactStore(options.Path!, timeProvider, loggerFactory.CreateLogger<FolderArtifactStore>()),
            ModelStoreKind.Blob => throw new InvalidOperationException(
                $"{ModelStoreOptions.SectionName}:ContainerUri and {ModelStoreOptions.SectionName}:ConnectionString need the Blob artifact store, which is not part of this build; use {ModelStoreOptions.SectionName}:Path."),
            _ => throw new InvalidOperationException($"Unknown model store kind {kind}."),
        };
    }
}
