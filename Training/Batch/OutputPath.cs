using System.Diagnostics.CodeAnalysis;
using ArchiveForecast.Core.Registry;
using ArchiveForecast.Training.Data;

namespace ArchiveForecast.Training.Batch;

/// <summary>
/// Where a job's output goes in the predictions store: <c>{model}/{name}.csv</c> with its summary beside it at
/// <c>{model}/{name}.summary.json</c>. The name is the run id unless the request names one (the same path rules as a
/// dataset, without the <c>.csv</c>, which is added).
/// </summary>
public static class OutputPath
{
    /// <summary>The extension of an output.</summary>
    public const string CsvExtension = ".csv";

    /// <summary>The extension of a summary.</summary>
    public const string SummaryExtension = ".summary.json";

    /// <summary>The longest output name accepted.</summary>
    public const int MaxNameLength = 200;

    /// <summary>True when <paramref name="name"/> may name an output (a plain relative path; <c>.csv</c> at its end is allowed and dropped).</summary>
    public static bool IsValidName([NotNullWhen(true)] string? name) =>
        name is { Length: > 0 and <= MaxNameLength } && DatasetPath.IsValid(name) && Strip(name).Length > 0 && DatasetPath.IsValid(Strip(name));

    /// <summary>The CSV of a job.</summary>
    public static string Csv(string modelName, string name) => $"{modelName}/{Strip(name)}{CsvExtension}";

    /// <summary>The summary of a job.</summary>
    public static string Summary(string modelName, string name) => $"{modelName}/{Strip(name)}{SummaryExtension}";

    /// <summary>True when <paramref name="path"/> is a path the stores accept (relative, plain, under a model name).</summary>
    internal static bool IsValid(string path)
    {
        int slash = path.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && ModelName.IsValid(path[..slash]) && DatasetPath.IsValid(path);
    }

    private static string Strip(string name) =>
        name.EndsWith(CsvExtension, StringComparison.OrdinalIgnoreCase) ? name[..^CsvExtension.Length] : name;
}
