using System.CommandLine;
using System.Globalization;
using ArchiveForecast.Cli.Output;
using ArchiveForecast.Core.Registry;
using Microsoft.Extensions.DependencyInjection;

namespace ArchiveForecast.Cli.Commands;

/// <summary><c>versions</c>: every version of a model with its metrics, which one is served and which are candidates.</summary>
internal static class VersionsCommand
{
    public static Command Create(CliContext context)
    {
        var model = CliContext.ModelOption();
        var store = CliContext.StoreOption();
        var command = new Command("versions", "List the versions of a model: which is served, which are candidates, their holdout metrics") { model, store };

        return context.WithAction(command, async (run, cancellationToken) =>
        {
            var modelName = Inputs.ModelName(run.Get(model));
            var registry = run.ExistingStore(run.Get(store)).GetRequiredService<ModelRegistry>();
            var versions = await registry.ListVersionsAsync(modelName, cancellationToken);
            var pointer = await registry.GetPointerAsync(modelName, cancellationToken);

            if (versions.Count == 0)
            {
                run.Line($"{modelName} has no versions in this store.");
            }
            else
            {
                run.Line($"{modelName}: {(pointer is null ? "nothing served" : $"version {pointer.Value.Version} served")}");
                if (pointer?.Value.RollbackPath() is { Count: > 0 } history)
                {
                    run.Line($"  rollback goes back to: {string.Join(" → ", history)}");
                }

                // Each version's figures come from the holdout of its own training data; the "holdout" column says which,
                // with a number per distinct data set, so figures are compared only within one number.
                var dataLabels = versions
                    .Select(v => v.MetricsHoldout?.DataSha256)
                    .OfType<string>()
                    .Distinct(StringComparer.Ordinal)
                    .Select((sha, i) => (sha, label: string.Create(CultureInfo.InvariantCulture, $"#{i + 1}")))
                    .ToDictionary(x => x.sha, x => x.label, StringComparer.Ordinal);
                var table = new TextTable("version", "status", "created", "trainer", "archived MAE", "archived R²", "savings MAE", "savings R²", "holdout", "run");
                foreach (var v in versions)
                {
                    string status = v.Status.ToString().ToLowerInvariant() + (v.IsPrevious ? " (previous)" : string.Empty);
                    table.Add(
                        v.Version.ToString(CultureInfo.InvariantCulture),
                        status,
                        v.CreatedAt?.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? string.Empty,
                        v.Trainer ?? string.Empty,
                        Metric(v.Metrics?.ArchivedGbNextPeriod.Mae),
                        Metric(v.Metrics?.ArchivedGbNextPeriod.RSquared),
                        Metric(v.Metrics?.SavingsGbNextPeriod.Mae),
                        Metric(v.Metrics?.SavingsGbNextPeriod.RSquared),
                        v.MetricsHoldout is { } holdout
                            ? string.Create(CultureInfo.InvariantCulture, $"{dataLabels[holdout.DataSha256]}: {holdout.Rows:N0} rows of {holdout.Dataset}")
                            : string.Empty,
                        v.RunId ?? string.Empty);
                }

                run.Line(table.ToString());
                if (dataLabels.Count > 1)
                {
                    run.Line("  Each version is scored on the holdout of its own training data: compare figures only between versions with the");
                    run.Line("  same holdout number. The promotion gate compares a candidate with the served version on one holdout: train prints");
                    run.Line("  both, and the run record keeps them as metrics and serving_metrics.");
                }
            }

            run.WriteJson(new
            {
                Model = modelName.Value,
                Current = pointer?.Value.Version,
                Previous = pointer?.Value.PreviousVersion,
                History = pointer?.Value.RollbackPath() ?? [],
                Versions = versions,
            });
            return ExitCodes.Ok;
        });
    }

    private static string Metric(double? value) => value is double v ? TextTable.Number(v) : string.Empty;
}
