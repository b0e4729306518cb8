using System.Diagnostics.CodeAnalysis;

namespace ArchiveForecast.Core.Configuration;

/// <summary>How <see cref="ModelStoreOptions"/> choose a store: exactly one of Path, ContainerUri or ConnectionString; Path by default.</summary>
public static class ModelStoreSelection
{
    /// <summary>The folder used when no store is configured.</summary>
    public const string DefaultPath = "./models";

    /// <summary>Sets <see cref="ModelStoreOptions.Path"/> to <see cref="DefaultPath"/> when no store is configured at all.</summary>
    public static void ApplyDefault(ModelStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (ConfiguredSettings(options).Count == 0)
        {
            options.Path = DefaultPath;
        }
    }

    /// <summary>The store kind the options choose, or false with a message naming the settings when they choose none or several.</summary>
    public static bool TryGetKind(ModelStoreOptions options, out ModelStoreKind kind, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = ConfiguredSettings(options);
        kind = options.ContainerUri is null && string.IsNullOrWhiteSpace(options.ConnectionString) ? ModelStoreKind.Folder : ModelStoreKind.Blob;
        error = configured.Count switch
        {
            1 => null,
            0 => $"Set one of {Setting(nameof(ModelStoreOptions.Path))}, {Setting(nameof(ModelStoreOptions.ContainerUri))} or {Setting(nameof(ModelStoreOptions.ConnectionString))}.",
            _ => $"Set only one of {Setting(nameof(ModelStoreOptions.Path))}, {Setting(nameof(ModelStoreOptions.ContainerUri))} or {Setting(nameof(ModelStoreOptions.ConnectionString))}; found {string.Join(" and ", configured.Select(Setting))}.",
        };
        return error is null;
    }

    /// <summary>The full path of the folder the options choose, or null when they choose a blob container (or nothing valid).</summary>
    public static string? FolderPath(ModelStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return TryGetKind(options, out var kind, out _) && kind == ModelStoreKind.Folder && !string.IsNullOrWhiteSpace(options.Path)
            ? System.IO.Path.GetFullPath(options.Path)
            : null;
    }

    /// <summary>
    /// The <c>ModelStore</c> settings a <c>--store</c> flag stands for: a http(s) URL is a blob container, anything else
    /// a folder. The flag replaces whatever store the environment names (null values hide the other kinds' settings);
    /// without one (null or blank) there are none, and the environment decides.
    /// </summary>
    public static Dictionary<string, string?> Override(string? store)
    {
        if (string.IsNullOrWhiteSpace(store))
        {
            return [];
        }

        bool isUrl = Uri.TryCreate(store, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
        return new(StringComparer.OrdinalIgnoreCase)
        {
            [Setting(nameof(ModelStoreOptions.Path))] = isUrl ? null : store,
            [Setting(nameof(ModelStoreOptions.ContainerUri))] = isUrl ? store : null,
            [Setting(nameof(ModelStoreOptions.ConnectionString))] = null,
        };
    }

    private static string Setting(string property) => $"{ModelStoreOptions.SectionName}:{property}";

    private static List<string> ConfiguredSettings(ModelStoreOptions options)
    {
        List<string> configured = [];
        if (!string.IsNullOrWhiteSpace(options.Path))
        {
            configured.Add(nameof(ModelStoreOptions.Path));
        }

        if (options.ContainerUri is not null)
        {
            configured.Add(nameof(ModelStoreOptions.ContainerUri));
        }

        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            configured.Add(nameof(ModelStoreOptions.ConnectionString));
        }

        return configured;
    }
}
