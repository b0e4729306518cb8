using System.CommandLine;
using ArchiveForecast.Cli.Output;
using ArchiveForecast.Training.Data;

namespace ArchiveForecast.Cli.Commands;

/// <summary><c>generate --rows N --seed S --out file.csv [--sources K]</c>: deterministic synthetic training data.</summary>
internal static class GenerateCommand
{
    public static Command Create(CliContext context)
    {
        var rows = new Option<int>("--rows") { Description = "How many rows", HelpName = "N", Required = true }.InRange(1, 10_000_000);
        Option<int> seed = new("--seed") { Description = "The seed; the same seed gives the same file", HelpName = "S", DefaultValueFactory = _ => 42 };
        Option<string> output = new("--out") { Description = "The CSV file to write", HelpName = "FILE", Required = true };
        var sources = new Option<int?>("--sources") { Description = "How many archive sources (default: one per 36 rows)", HelpName = "K" }.InRange(1, 10_000_000);

        var command = new Command("generate", "Write deterministic synthetic training data (seasonality, growth and file-type effects) to a CSV file")
        {
            rows, seed, output, sources,
        };
        return context.WithAction(command, async (run, cancellationToken) =>
        {
            int count = run.Get(rows);
            if (run.Get(sources) is int asked && asked > count)
            {
                throw CliException.BadInput($"--sources {asked} is more than --rows {count}: every source needs at least one row.");
            }

            int sourceCount = Math.Min(run.Get(sources) ?? SyntheticDataGenerator.DefaultSources(count), count);
            string path = run.Get(output);
            string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null)
            {
                // Like train creating ./models: a fresh clone has no data/ folder yet, and asking for one is friction.
                Directory.CreateDirectory(folder);
            }

            // Written beside the target and moved over it, so an interrupted run never leaves half a file behind.
            string temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            try
            {
                await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
                {
                    await TrainingDataCsvWriter.WriteAsync(SyntheticDataGenerator.Generate(count, run.Get(seed), sourceCount), stream, cancellationToken);
                }

                File.Move(temporary, path, overwrite: true);
            }
            finally
            {
                File.Delete(temporary);
            }

            run.Line($"Wrote {TextTable.Number(count)} rows from {TextTable.Number(sourceCount)} sources (seed {run.Get(seed)}) to {path}");
            run.WriteJson(new { Rows = count, Sources = sourceCount, Seed = run.Get(seed), Out = path });
            return ExitCodes.Ok;
        });
    }
}
