using System.CommandLine;
using System.Globalization;
using ArchiveForecast.Cli.Output;
using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Modeling;
using ArchiveForecast.Core.Schema;
using ArchiveForecast.Training.Configuration;
using ArchiveForecast.Training.Data;
using ArchiveForecast.Training.Modeling;
using ArchiveForecast.Training.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Cli.Commands;

/// <summary><c>train</c>: train, evaluate, gate, publish, promote per policy; prints the model card summary.</summary>
internal static class TrainCommand
{
    public static Command Create(CliContext context)
    {
        Option<string?> data = new("--data") { Description = "The training CSV (header row; the Instance columns and both targets)", HelpName = "FILE" };
        var synthetic = new Option<int?>("--synthetic") { Description = "Train on N generated rows instead of a file", HelpName = "N" }.InRange(1, 10_000_000);
        Option<int> seed = new("--seed") { Description = "The seed of --synthetic", HelpName = "S", DefaultValueFactory = _ => 42 };
        var sources = new Option<int?>("--sources") { Description = "How many archive sources --synthetic makes (default: one per 36 rows)", HelpName = "K" }.InRange(1, 10_000_000);
        var model = CliContext.ModelOption();
        var store = CliContext.StoreOption();
        var trainer = TrainerFlags.Trainer($"The trainer (default: Training:Trainer, {TrainerKindNames.Format(TrainingDefaults.Trainer)} unless configured)");
        Option<string> promote = new Option<string>("--promote")
        {
            Description = "auto: promote only when the gate passes; never: keep as a candidate; force: promote regardless",
            HelpName = "auto|never|force",
            DefaultValueFactory = _ => "auto",
        }.AcceptOnlyFromAmong("auto", "never", "force");
        var flags = new TrainerFlags();

        var command = new Command("train", "Train a model, evaluate it against the served one on the same holdout, publish it, and promote it per --promote")
        {
            data, synthetic, seed, sources, model, store, trainer, promote,
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

            if (result.GetResult(sources) is not null && result.GetResult(synthetic) is null)
            {
                result.AddError("--sources applies to --synthetic only.");
            }
        });

        return context.WithAction(command, async (run, cancellationToken) =>
        {
            var modelName = Inputs.ModelName(run.Get(model));
            var input = run.Get(data) is string file
                ? TrainingDataInput.FromFile(Inputs.ExistingFile(file, "--data"))
                : Synthetic(run.Get(synthetic)!.Value, run.Get(seed), run.Get(sources));

            var services = run.StoreForTraining(run.Get(store));
            var options = services.GetRequiredService<IOptions<TrainingOptions>>().Value;
            var kind = run.Get(trainer) is string name ? TrainerKindNames.Parse(name) : options.Trainer;
            var request = new TrainingRun
            {
                ModelName = modelName,
                Data = input,
                Trainer = flags.Resolve(run, options, kind),
                Promote = Enum.Parse<PromotePolicy>(run.Get(promote), ignoreCase: true),
                Trigger = TrainingTriggers.Cli,
            };

            TrainingResult result;
            try
            {
                using var progress = run.Progress();
                result = await services.GetRequiredService<TrainingRunner>().RunAsync(request, progress, cancellationToken);
            }
            catch (TrainingCancelledException ex) when (ex.Run is { } cancelled)
            {
                return await run.FailAsync(
                    ExitCodes.Cancelled,
                    $"training {cancelled.ModelName} cancelled while {cancelled.Stage} (run {cancelled.RunId}): nothing was published and the training lock is released",
                    null,
                    cancelled);
            }

            int exitCode = ExitCode(result, request.Promote);
            if (!result.Succeeded)
            {
                return await run.FailAsync(exitCode, FailureMessage(result.Run), null, result.Run);
            }

            Report(run, result);
            run.WriteJson(new { result.Run, ModelCard = result.Card });
            return exitCode;
        });
    }

    /// <summary>The one message of a failed run: its reason, with the first rejected rows on the lines below.</summary>
    private static string FailureMessage(Core.Registry.RunRecord record)
    {
        var lines = new List<string> { $"training {record.ModelName} failed (run {record.RunId}): {record.Reason}" };
        lines.AddRange((record.Rejections ?? []).Take(10).Select(rejection => $"  {rejection}"));
        return string.Join(Environment.NewLine, lines);
    }

    private static TrainingDataInput Synthetic(int rows, int seed, int? sources)
    {
        if (sources > rows)
        {
            throw CliException.BadInput($"--sources {sources} is more than --synthetic {rows}: every source needs at least one row.");
        }

        string description = sources is int k
            ? string.Create(CultureInfo.InvariantCulture, $"synthetic ({rows} rows, seed {seed}, {k} sources)")
            : string.Create(CultureInfo.InvariantCulture, $"synthetic ({rows} rows, seed {seed})");
        return TrainingDataInput.FromRows(description, [.. SyntheticDataGenerator.Generate(rows, seed, sources)]);
    }

    private static int ExitCode(TrainingResult result, PromotePolicy policy) => result.Failure switch
    {
        TrainingFailure.None when !result.Promoted && policy == PromotePolicy.Auto => ExitCodes.NotPromoted,
        TrainingFailure.None => ExitCodes.Ok,
        TrainingFailure.InvalidData => ExitCodes.BadInput,
        TrainingFailure.Cancelled => ExitCodes.Cancelled,
        _ => ExitCodes.Failure,
    };

    private static void Report(CommandRun run, TrainingResult result)
    {
        var record = result.Run;
        var card = result.Card!;
        string outcome = result.Promoted ? "promoted (now served)" : "candidate (not promoted)";
        run.Line($"{record.ModelName} version {record.Version}: {outcome}");
        run.Line($"  run {record.RunId}, trainer {card.Trainer} ({string.Join(", ", card.Parameters.Where(p => p.Key != "trainer").Select(p => $"{p.Key}={p.Value}"))})");
        run.Line($"  data {card.Data.Source}: {card.Data.RowsRead:N0} rows read, {card.Data.RowsRejected:N0} rejected, " +
                 $"{card.Data.RowsTrain:N0} train / {card.Data.RowsHoldout:N0} holdout, sha256 {card.Data.Sha256[..12]}…");
        run.Line();
        run.Line("  Holdout metrics (candidate):");
        run.Line(MetricsTable(card.Metrics).ToString());
        if (record.ServingMetrics is { } serving)
        {
            run.Line($"  Serving version {record.ServingVersion} on the same holdout:");
            run.Line(MetricsTable(serving).ToString());
        }

        run.Line();
        run.Line($"  {record.Reason}");
        run.Line(string.Create(CultureInfo.InvariantCulture,
            $"  timings: read {card.Timings.LoadMs:N0} ms, fit {card.Timings.TrainMs:N0} ms, evaluate {card.Timings.EvaluateMs:N0} ms"));
        foreach (var rejection in (record.Rejections ?? []).Take(5))
        {
            run.Warn($"rejected {rejection}");
        }
    }

    internal static TextTable MetricsTable(ModelMetrics metrics) =>
        new TextTable("target", "MAE", "RMSE", "R²")
            .Add(FieldNames.ArchivedGbNextPeriod, TextTable.Number(metrics.ArchivedGbNextPeriod.Mae), TextTable.Number(metrics.ArchivedGbNextPeriod.Rmse), TextTable.Number(metrics.ArchivedGbNextPeriod.RSquared))
            .Add(FieldNames.SavingsGbNextPeriod, TextTable.Number(metrics.SavingsGbNextPeriod.Mae), TextTable.Number(metrics.SavingsGbNextPeriod.Rmse), TextTable.Number(metrics.SavingsGbNextPeriod.RSquared));
}
