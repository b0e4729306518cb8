using System.CommandLine;
using System.Globalization;
using ArchiveForecast.Cli.Output;
using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Inference;
using ArchiveForecast.Core.Modeling;
using ArchiveForecast.Core.Registry;
using ArchiveForecast.Core.Schema;
using ArchiveForecast.Training.Data;
using ArchiveForecast.Training.Modeling;
using Microsoft.Extensions.DependencyInjection;

namespace ArchiveForecast.Cli.Commands;

/// <summary><c>evaluate --data file.csv</c>: MAE, RMSE and R² per target of a version (default: the served one) on labelled data.</summary>
internal static class EvaluateCommand
{
    public static Command Create(CliContext context)
    {
        Option<string> data = new("--data") { Description = "A labelled CSV (the training format)", HelpName = "FILE", Required = true };
        Option<int?> version = new("--version") { Description = "The version to evaluate (default: the served one)", HelpName = "N" };
        var model = CliContext.ModelOption();
        var store = CliContext.StoreOption();
        var command = new Command("evaluate", "Score a labelled CSV with a version and report MAE, RMSE and R² per target") { data, model, version, store };

        return context.WithAction(command, async (run, cancellationToken) =>
        {
            var modelName = Inputs.ModelName(run.Get(model));
            string file = Inputs.ExistingFile(run.Get(data), "--data");
            var services = run.ExistingStore(run.Get(store));
            var registry = services.GetRequiredService<ModelRegistry>();
            int chosen = await Inputs.VersionAsync(registry, modelName, run.Get(version), cancellationToken);

            var rows = await ReadAsync(file, cancellationToken);
            foreach (var rejection in rows.Rejections.Take(10))
            {
                run.Warn($"rejected {rejection}");
            }

            if (rows.Accepted.Count == 0)
            {
                throw CliException.BadInput($"{file} has no usable rows ({rows.RowsRejected} of {rows.RowsRead} rejected).");
            }

            var verified = await registry.LoadVersionAsync(modelName, chosen, cancellationToken);
            using var loaded = ForecastModel.Load(verified, services.GetRequiredService<TimeProvider>());
            IReadOnlyList<ForecastTargets> actual = [.. rows.Accepted.Select(r => r.Targets)];
            var predictions = loaded.PredictBatch([.. rows.Accepted.Select(r => r.Input)]);
            var metrics = MetricsCalculator.Compute(actual, predictions);
            var ranges = RangeQuality(loaded.Card?.Intervals, actual, predictions);

            run.Line($"{modelName} version {chosen} on {file}: {rows.Accepted.Count:N0} rows scored, {rows.RowsRejected:N0} rejected");
            run.Line(TrainCommand.MetricsTable(metrics).ToString());
            if (ranges.Count == 0)
            {
                run.Line("  This version has no calibrated forecast ranges (trained before they existed, or on a single source).");
            }
            else
            {
                run.Line("  Forecast ranges: the share of actual values inside, and the mean width relative to the forecast:");
                run.Line(RangeTable(ranges).ToString());
            }

            run.WriteJson(new
            {
                Model = new { Name = modelName.Value, Version = chosen },
                Data = file,
                Rows = rows.Accepted.Count,
                RowsRejected = rows.RowsRejected,
                Metrics = metrics,
                Intervals = ranges.Select(r => new { r.Level, r.Quality }).ToList(),
            });
            return ExitCodes.Ok;
        });
    }

    private static List<(double Level, IntervalQuality Quality)> RangeQuality(
        IntervalCalibration? calibration, IReadOnlyList<ForecastTargets> actual, IReadOnlyList<ForecastPrediction> predictions) =>
        calibration is null
            ? []
            : [.. calibration.Levels.Select(l => (l.Level, Quality: IntervalEvaluator.Measure(calibration, l.Level, actual, predictions)))
                .Where(l => l.Quality is not null).Select(l => (l.Level, l.Quality!))];

    private static TextTable RangeTable(List<(double Level, IntervalQuality Quality)> ranges)
    {
        var table = new TextTable("level", "archived inside", "archived width", "savings inside", "savings width");
        foreach (var (level, quality) in ranges)
        {
            table.Add(
                level.ToString("0.##", CultureInfo.InvariantCulture),
                quality.ArchivedCoverage.ToString("P1", CultureInfo.InvariantCulture),
                TextTable.Number(quality.ArchivedMeanRelativeWidth),
                quality.SavingsCoverage.ToString("P1", CultureInfo.InvariantCulture),
                TextTable.Number(quality.SavingsMeanRelativeWidth));
        }

        return table;
    }

    internal static async Task<TrainingDataReadResult> ReadAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = File.OpenRead(file);
            return await CsvTrainingDataReader.ReadAsync(stream, null, cancellationToken);
        }
        catch (TrainingDataException ex)
        {
            throw CliException.BadInput($"{file}: {ex.Message}");
        }
    }
}
