using System.CommandLine;
using System.Globalization;
using ArchiveForecast.Cli.Output;
using ArchiveForecast.Core.Modeling;
using ArchiveForecast.Core.Schema;
using ArchiveForecast.Training.Configuration;
using ArchiveForecast.Training.Data;
using ArchiveForecast.Training.Modeling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Cli.Commands;

/// <summary>
/// <c>compare --data file.csv [--folds K]</c>: k-fold cross-validation of the trainers on the same folds, per target
/// (MAE, RMSE, R² as mean ± sd), and, when the data names its sources, the same over folds of whole sources.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(CliContext context)
    {
        Option<string?> data = new("--data") { Description = "The training CSV", HelpName = "FILE" };
        var synthetic = new Option<int?>("--synthetic") { Description = "Compare on N generated rows instead of a file", HelpName = "N" }.InRange(1, 10_000_000);
        var sources = new Option<int?>("--sources") { Description = "Sources of --synthetic (default: one per 36 rows)", HelpName = "K" }.InRange(1, 10_000_000);
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds", HelpName = "K", DefaultValueFactory = _ => 5 }.InRange(2, 20);
        Option<int> seed = new("--seed") { Description = "The seed of the folds (and of --synthetic)", HelpName = "S", DefaultValueFactory = _ => 42 };
        Option<string[]> trainers = new Option<string[]>("--trainer")
        {
            Description = "A trainer to compare (repeatable; default: all three)",
            HelpName = "fastforest|fasttree|lightgbm",
            AllowMultipleArgumentsPerToken = false,
        }.AcceptOnlyFromAmong([.. TrainerKindNames.All]);
        var flags = new TrainerFlags();

        var command = new Command("compare", "Cross-validate the trainers on a dataset and print MAE, RMSE and R² per target (mean ± sd over folds)")
        {
            data, synthetic, sources, folds, seed, trainers,
        };
        foreach (var flag in flags.All)
        {
            command.Options.Add(flag);
        }

        command.Validators.Add(result =>
        {
            if ((result.GetResult(data) is null) == (result.GetResult(synthetic) is null))
            {
                result.AddError("Give either --data FILE or --synthetic N.");
            }
        });

        return context.WithAction(command, async (run, cancellationToken) =>
        {
            int foldCount = run.Get(folds);
            int foldSeed = run.Get(seed);
            IReadOnlyList<TrainingExample> rows;
            string source;
            if (run.Get(data) is string file)
            {
                var read = await EvaluateCommand.ReadAsync(Inputs.ExistingFile(file, "--data"), cancellationToken);
                foreach (var rejection in read.Rejections.Take(10))
                {
                    run.Warn($"rejected {rejection}");
                }

                rows = read.Accepted;
                source = file;
            }
            else
            {
                int count = run.Get(synthetic)!.Value;
                rows = [.. SyntheticDataGenerator.Generate(count, foldSeed, run.Get(sources))];
                source = string.Create(CultureInfo.InvariantCulture, $"synthetic ({count} rows, seed {foldSeed})");
            }

            if (rows.Count < foldCount * 2)
            {
                throw CliException.BadInput($"{foldCount} folds need at least {foldCount * 2} usable rows; {source} has {rows.Count}.");
            }

            var options = run.Services(null).GetRequiredService<IOptions<TrainingOptions>>().Value;
            var time = run.Services(null).GetRequiredService<TimeProvider>();
            string[] names = run.Get(trainers) is { Length: > 0 } chosen ? chosen : [.. TrainerKindNames.All];
            var settings = names.Distinct(StringComparer.OrdinalIgnoreCase).Select(n => flags.Resolve(run, options, TrainerKindNames.Parse(n))).ToList();

            var results = new List<CrossValidationResult>();
            using (var progress = run.Progress())
            {
                results.Add(await TrainerComparison.CrossValidateAsync(
                    settings, DataSplitter.KFold(rows, foldCount, foldSeed), CrossValidationResult.RandomFolds, progress, time, cancellationToken));

                int sourceCount = rows.Any(r => r.SourceId is not null) ? DataSplitter.CountSources(rows) : 0;
                if (sourceCount >= foldCount)
                {
                    results.Add(await TrainerComparison.CrossValidateAsync(
                        settings, DataSplitter.GroupedKFold(rows, foldCount, foldSeed), CrossValidationResult.SourceFolds, progress, time, cancellationToken));
                }
                else if (sourceCount > 0)
                {
                    run.Warn($"only {sourceCount} sources: too few for {foldCount} folds of whole sources, so that evaluation is skipped.");
                }
            }

            run.Line($"{source}: {rows.Count:N0} rows, {foldCount} folds, seed {foldSeed}");
            foreach (var result in results)
            {
                run.Line();
                run.Line(result.Kind == CrossValidationResult.RandomFolds
                    ? "Random k-fold (rows of a source on both sides):"
                    : "Grouped by source (each fold's sources unseen in its training):");
                run.Line(Table(result).ToString());
            }

            run.WriteJson(new { Data = source, Rows = rows.Count, Folds = foldCount, Seed = foldSeed, Evaluations = results.Select(Document) });
            return ExitCodes.Ok;
        });
    }

    private static TextTable Table(CrossValidationResult result)
    {
        var table = new TextTable("trainer", "target", "MAE", "RMSE", "R²", "fit ms/fold");
        foreach (var score in result.Trainers)
        {
            string name = TrainerKindNames.Format(score.Settings.Kind);
            string fit = score.MeanFitMs.ToString("N0", CultureInfo.InvariantCulture);
            table.Add(name, FieldNames.ArchivedGbNextPeriod, Cell(score.ArchivedGbNextPeriod.Mae), Cell(score.ArchivedGbNextPeriod.Rmse), Cell(score.ArchivedGbNextPeriod.RSquared), fit);
            table.Add(string.Empty, FieldNames.SavingsGbNextPeriod, Cell(score.SavingsGbNextPeriod.Mae), Cell(score.SavingsGbNextPeriod.Rmse), Cell(score.SavingsGbNextPeriod.RSquared), string.Empty);
        }

        return table;
    }

    private static string Cell(MetricSummary summary) => TextTable.MeanSd(summary.Mean, summary.StandardDeviation);

    private static object Document(CrossValidationResult result) => new
    {
        result.Kind,
        result.Folds,
        Trainers = result.Trainers.Select(score => new
        {
            Trainer = TrainerKindNames.Format(score.Settings.Kind),
            Parameters = score.Settings.ToParameters(),
            score.MeanFitMs,
            ArchivedGbNextPeriod = score.ArchivedGbNextPeriod,
            SavingsGbNextPeriod = score.SavingsGbNextPeriod,
        }),
    };
}
