namespace ArchiveForecast.Core.Configuration;

/// <summary>Which store <see cref="ModelStoreOptions"/> selects.</summary>
public enum ModelStoreKind
{
    /// <summary>A local folder (<see cref="ModelStoreOptions.Path"/>).</summary>
    Folder,

    /// <summary>A Blob container, by URL with managed identity or by connection string.</summary>
    Blob,
}
