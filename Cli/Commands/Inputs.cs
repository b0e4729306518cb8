using ArchiveForecast.Core.Registry;

namespace ArchiveForecast.Cli.Commands;

/// <summary>Checks of command-line values that the parser cannot make; each failure is bad input (exit code 2).</summary>
internal static class Inputs
{
    public static ModelName ModelName(string name) =>
        Core.Registry.ModelName.TryParse(name, out var parsed, out var error)
            ? parsed
            : throw CliException.BadInput($"'{name}' is not a model name. {error}");

    public static string ExistingFile(string path, string option) =>
        File.Exists(path) ? path : throw CliException.BadInput($"{option}: the file {path} does not exist.");

    /// <summary>The version to use: the one given, or the one served; refused when the registry has no such complete version.</summary>
    public static async Task<int> VersionAsync(ModelRegistry registry, ModelName model, int? requested, CancellationToken cancellationToken)
    {
        if (await registry.IsRetiredAsync(model, cancellationToken))
        {
            throw CliException.BadInput($"{model} is retired; training it again (train --model {model}) revives it.");
        }

        var versions = await registry.ListVersionsAsync(model, cancellationToken);
        if (requested is null)
        {
            var pointer = await registry.GetPointerAsync(model, cancellationToken);
            return pointer?.Value.Version
                ?? throw CliException.BadInput(versions.Count == 0
                    ? $"the store has no model {model}; train one first."
                    : $"no version of {model} is promoted; name one with --version ({Describe(versions)}).");
        }

        return versions.Any(v => v.Version == requested && v.Status != VersionStatus.Incomplete)
            ? requested.Value
            : throw CliException.BadInput(versions.Count == 0
                ? $"the store has no model {model}."
                : $"{model} has no version {requested} ({Describe(versions)}).");
    }

    private static string Describe(IReadOnlyList<VersionSummary> versions)
    {
        var complete = versions.Where(v => v.Status != VersionStatus.Incomplete).Select(v => v.Version).Order().ToList();
        return complete.Count == 0 ? "no complete version" : $"versions: {string.Join(", ", complete)}";
    }
}
