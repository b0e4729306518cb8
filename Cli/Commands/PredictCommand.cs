using System.CommandLine;
using ArchiveForecast.Cli.Scoring;
using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Inference;
using ArchiveForecast.Core.Registry;
using ArchiveForecast.Training.Data;
using Microsoft.Extensions.DependencyInjection;

namespace ArchiveForecast.Cli.Commands;

/// <summary>
/// <c>predict --input file.csv-or-json --out file</c>: batch scoring. Every input is checked first; one bad row or
/// instance fails the command (exit code 2, each problem by line or JSON pointer) and nothing is written.
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
            string modelName = Inputs.ModelName(run.Get(model));
            string file = Inputs.ExistingFile(run.Get(input), "--input");
            string target = run.Get(output);
            using var progress = run.Progress();
            ScoringInput inputs;
            try
            {
                progress.Report($"reading {file}");
                inputs = await ScoringFiles.ReadAsync(file, cancellationToken);
            }
            catch (TrainingDataException ex)
            {
                throw CliException.BadInput($"{file}: {ex.Message}");
            }

            if (inputs.ProblemCount > 0)
            {
                foreach (var problem in inputs.Problems.Take(ProblemsShown))
                {
                    await run.Error.WriteLineAsync($"  {problem}");
                }

                if (inputs.ProblemCount > ProblemsShown)
                {
                    await run.Error.WriteLineAsync($"  ... and {inputs.ProblemCount - ProblemsShown} more");
                }

                await run.Error.WriteLineAsync($"error: {file} has {Plural(inputs.ProblemCount, "problem")}; nothing was scored.");
                run.WriteJson(new
                {
                    Error = new { ExitCode = ExitCodes.BadInput, Message = $"{file} has invalid inputs; nothing was scored" },
                    Errors = inputs.Problems.Select(p => new { p.Line, p.Pointer, p.Detail }),
                    ErrorCount = inputs.ProblemCount,
                });
                return ExitCodes.BadInput;
            }

            if (!ScoringFiles.IsJson(target) && inputs.Header is { } header)
            {
                // Refused before any work: the output could not keep every input column under its own name.
                ScoredHeader.InputHeader(header, file);
            }

            var services = run.ExistingStore(run.Get(store));
            var registry = services.GetRequiredService<ModelRegistry>();
            int chosen = await Inputs.VersionAsync(registry, modelName, run.Get(version), cancellationToken);
            var verified = await registry.LoadVersionAsync(modelName, chosen, cancellationToken);
            using var loaded = ForecastModel.Load(verified, services.GetRequiredService<TimeProvider>());
            progress.Report($"scoring {Plural(inputs.Inputs.Count, "input")} with version {chosen}");
            var predictions = loaded.PredictBatch(inputs.Inputs);
            double rangeLevel = run.Get(level);
            var calibration = loaded.Card?.Intervals;
            PredictionIntervals?[] ranges = [.. predictions.Select(p => calibration?.Apply(p, rangeLevel))];
            progress.Report($"writing {target}");
            try
            {
                await ScoringFiles.WriteAsync(target, modelName, chosen, inputs, predictions, ranges, cancellationToken);
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or DirectoryNotFoundException or IOException)
            {
                throw CliException.BadInput($"--out: cannot write {target} ({ex.GetType().Name.Replace("Exception", string.Empty, StringComparison.Ordinal)}); choose a writable path.");
            }

            progress.Dispose();
            int outOfRange = predictions.Count(p => p.OutOfRange.Count > 0);
            string rangeNote = calibration is null
                ? "this version has no calibrated ranges"
                : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"ranges at {rangeLevel:0.##}");
            run.Line($"Scored {Plural(predictions.Count, "input")} with {modelName} version {chosen} into {target} " +
                     $"({Plural(outOfRange, "input")} outside the training range; {rangeNote}).");
            run.WriteJson(new { Model = new { Name = modelName, Version = chosen }, Rows = predictions.Count, OutOfRangeRows = outOfRange, Out = target });
            return ExitCodes.Ok;
        });
    }

    private static string Plural(int count, string noun) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{count:N0} {noun}{(count == 1 ? string.Empty : "s")}");
}
