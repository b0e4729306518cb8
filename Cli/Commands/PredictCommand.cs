using System.CommandLine;
using ArchiveForecast.Cli.Scoring;
using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Inference;
using ArchiveForecast.Core.Registry;
using ArchiveForecast.Training.Batch;
using ArchiveForecast.Training.Data;
using Microsoft.Extensions.DependencyInjection;

namespace ArchiveForecast.Cli.Commands;

/// <summary>
/// <c>predict --input file.csv-or-json --out file</c>: batch scoring. A CSV streams through the batch jobs' scorer
/// (<see cref="BatchScorer"/>), so a large file scores as fast and in as little memory as a job; one bad row or instance
/// fails the command (exit code 2, each problem by line or JSON pointer) and nothing is written.
/// </summary>
internal static class PredictCommand
{
    private const int ProblemsShown = 20;

    public static Command Create(CliContext context)
    {
        Option<string> input = new("--input") { Description = "A CSV with the Instance columns, or a .json file {\"instances\":[...]}", HelpName = "FILE", Required = true };
        Option<string> output = new("--out") { Description = "Where to write the predictions: .json gives the API's response shape, anything else CSV", HelpName = "FILE", Required = true };
        Option<int?> version = new("--version") { Description = "The version to score with (default: the served one)", HelpName = "N" };
        Option<double> level = new("--level")
        {
            Description = "The level of the forecast ranges: 0.5, 0.8, 0.9 or 0.95",
            HelpName = "L",
            DefaultValueFactory = _ => IntervalCalibration.DefaultLevel,
        };
        level.Validators.Add(result =>
        {
            // A value that did not convert has its own parse error already.
            if (result.Tokens.Count > 0
                && double.TryParse(result.Tokens[^1].Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value)
                && !IntervalCalibration.IsSupported(value))
            {
                result.AddError("--level must be 0.5, 0.8, 0.9 or 0.95.");
            }
        });
        var model = CliContext.ModelOption();
        var store = CliContext.StoreOption();
        var command = new Command("predict", "Score a file of inputs with a model version") { input, output, model, store, version, level };

        return context.WithAction(command, async (run, cancellationToken) =>
        {
            var modelName = Inputs.ModelName(run.Get(model));
            string file = Inputs.ExistingFile(run.Get(input), "--input");
            string target = run.Get(output);
            double rangeLevel = run.Get(level);
            using var progress = run.Progress();
            ForecastModel? loaded = null;
            int chosen = 0;

            // The model is loaded when the first rows are ready to score, so a file that fails early needs no store.
            async Task<ForecastModel> LoadAsync(CancellationToken token)
            {
                if (loaded is null)
                {
                    var services = run.ExistingStore(run.Get(store));
                    var registry = services.GetRequiredService<ModelRegistry>();
                    chosen = await Inputs.VersionAsync(registry, modelName, run.Get(version), token);
                    var verified = await registry.LoadVersionAsync(modelName, chosen, token);
                    loaded = ForecastModel.Load(verified, services.GetRequiredService<TimeProvider>());
                    progress.Report($"scoring {file} with version {chosen}");
                }

                return loaded;
            }

            try
            {
                progress.Report($"reading {file}");
                var scored = ScoringFiles.IsJson(file)
                    ? await ScoringFiles.ScoreJsonAsync(file, target, modelName, LoadAsync, rangeLevel, cancellationToken)
                    : await ScoringFiles.ScoreCsvAsync(file, target, modelName, LoadAsync, rangeLevel, cancellationToken);
                if (scored.ProblemCount > 0)
                {
                    return await ReportProblemsAsync(run, file, scored);
                }

                progress.Dispose();
                var calibration = loaded!.Card?.Intervals;
                string rangeNote = calibration is null
                    ? "this version has no calibrated ranges"
                    : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"ranges at {rangeLevel:0.##}");
                run.Line($"Scored {Plural(scored.Rows, "input")} with {modelName} version {chosen} into {target} " +
                         $"({Plural(scored.OutOfRangeRows, "input")} outside the training range; {rangeNote}).");
                run.WriteJson(new { Model = new { Name = modelName.Value, Version = chosen }, Rows = scored.Rows, OutOfRangeRows = scored.OutOfRangeRows, Out = target });
                return ExitCodes.Ok;
            }
            catch (TrainingDataException ex)
            {
                throw CliException.BadInput($"{file}: {ex.Message}");
            }
            catch (ScoringFiles.OutputException ex)
            {
                throw CliException.BadInput(
                    $"--out: cannot write {target} ({ex.InnerException!.GetType().Name.Replace("Exception", string.Empty, StringComparison.Ordinal)}); choose a writable path.");
            }
            finally
            {
                loaded?.Dispose();
            }
        });
    }

    private static async Task<int> ReportProblemsAsync(CommandRun run, string file, ScoringOutcome scored)
    {
        foreach (var problem in scored.Problems.Take(ProblemsShown))
        {
            await run.Error.WriteLineAsync($"  {problem}");
        }

        if (scored.ProblemCount > ProblemsShown)
        {
            await run.Error.WriteLineAsync($"  ... and {scored.ProblemCount - ProblemsShown} more");
        }

        await run.Error.WriteLineAsync($"error: {file} has {Plural(scored.ProblemCount, "problem")}; nothing was scored.");
        run.WriteJson(new
        {
            Error = new { ExitCode = ExitCodes.BadInput, Message = $"{file} has invalid inputs; nothing was scored" },
            Errors = scored.Problems.Select(p => new { p.Line, p.Pointer, p.Detail }),
            ErrorCount = scored.ProblemCount,
        });
        return ExitCodes.BadInput;
    }

    private static string Plural(long count, string noun) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{count:N0} {noun}{(count == 1 ? string.Empty : "s")}");
}
