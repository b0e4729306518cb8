using System.Globalization;

namespace ArchiveForecast.Core.Registry;

/// <summary>The registry's layout in a store (docs/ARCHITECTURE.md, "Storage layout"). Callers validate names first.</summary>
internal static class RegistryPaths
{
    public const string VersionsFolder = "versions";

    public static string Pointer(string modelName) => $"{modelName}/current.json";

    /// <summary>The marker that says whether a model name is retired (see <see cref="ModelRetirement"/>).</summary>
    public static string Retirement(string modelName) => $"{modelName}/retired.json";

    public static string VersionsPrefix(string modelName) => $"{modelName}/{VersionsFolder}/";

    public static string VersionFile(string modelName, int version, string fileName) =>
        string.Create(CultureInfo.InvariantCulture, $"{modelName}/{VersionsFolder}/{version}/{fileName}");

    public static string RunsPrefix(string modelName) => $"{modelName}/runs/";

    public static string Run(string modelName, string runId) => $"{modelName}/runs/{runId}.json";

    // The store-level index of run records by id. '_' cannot start a model name, so it never collides with a model.
    public const string RunIndexPrefix = "_runs/";

    // Written once every run record made before the index existed has been copied into it.
    public const string RunIndexComplete = "_runs/_complete.json";

    public static string RunIndex(string runId) => $"{RunIndexPrefix}{runId}.json";

    public static string TrainingLock(string modelName) => $"{modelName}/training.lock";

    /// <summary>The version and file name of a path under <see cref="VersionsPrefix"/>, when it is one.</summary>
    public static bool TryParseVersionFile(string modelName, string path, out int version, out string fileName)
    {
        version = 0;
        fileName = string.Empty;
        var prefix = VersionsPrefix(modelName);
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = path.AsSpan(prefix.Length);
        int slash = rest.IndexOf('/');
        if (slash <= 0 || rest[(slash + 1)..].Contains('/') || !TryParseVersion(rest[..slash], out version))
        {
            return false;
        }

        fileName = rest[(slash + 1)..].ToString();
        return fileName.Length > 0;
    }

    /// <summary>Only canonical positive integers name versions ("7", not "07" or "+7").</summary>
    private static bool TryParseVersion(ReadOnlySpan<char> text, out int version)
    {
        version = 0;
        if (text.Length is 0 or > 9 || text[0] == '0')
        {
            return false;
        }

        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        version = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        return true;
    }
}
