using System.Diagnostics;
using System.Text.Json;
using ArchiveForecast.Cli.Tests.Processes;

namespace ArchiveForecast.Cli.Tests;

/// <summary>Ctrl+C and SIGTERM sent to a real <c>train</c> process: exit 130, a cancelled run record with its stage, the lock released, nothing published.</summary>
[TestFixture]
[Category("Slow")]
[NonParallelizable]
public sealed class TrainCancellationTests : CliFixture
{
    [Test]
    public async Task Train_InterruptedWhileFitting_Exits130RecordsCancelledAtFittingAndReleasesTheLock()
    {
        string data = await Cli.GenerateAsync(rows: 200_000, seed: 3, name: "big.csv");
        using var train = CliSubprocess.Start(Cli.Root, "train", "--data", data, "--store", Cli.Store);

        await train.WaitForErrorLineAsync("[fitting]");
        await train.SignalAsync("INT");
        var result = await train.WaitForExitAsync();

        var record = SingleRunRecord();
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(130), result.ToString());
            Assert.That(record.GetProperty("status").GetString(), Is.EqualTo("cancelled"));
            Assert.That(record.GetProperty("stage").GetString(), Is.EqualTo("fitting"));
            Assert.That(File.Exists(Path.Combine(Cli.Store, "archive-forecast", "training.lock")), Is.False, "the training lock is released");
            Assert.That(Directory.Exists(Path.Combine(Cli.Store, "archive-forecast", "versions")), Is.False, "nothing is published");
            Assert.That(result.Error, Does.Contain("cancelled while fitting"));
            Assert.That(result.Error.Split('\n').Count(line => line.StartsWith("error:", StringComparison.Ordinal)), Is.EqualTo(1), "one message");
        });
    }

    [Test]
    public async Task Train_TerminatedWhileFittingWithJson_Exits130AndPrintsTheErrorObjectWithTheCancelledRun()
    {
        string data = await Cli.GenerateAsync(rows: 200_000, seed: 3, name: "big.csv");
        using var train = CliSubprocess.Start(Cli.Root, "train", "--data", data, "--store", Cli.Store, "--json", "--verbose");

        // With --json there is no progress display; the log line of the data read comes just before the fit starts.
        await train.WaitForErrorLineAsync("rows, rejected");
        await train.SignalAsync("TERM");
        var result = await train.WaitForExitAsync();

        var document = result.Json;
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(130), result.ToString());
            Assert.That(document.GetProperty("error").GetProperty("exit_code").GetInt32(), Is.EqualTo(130));
            Assert.That(document.GetProperty("run").GetProperty("status").GetString(), Is.EqualTo("cancelled"));
            Assert.That(SingleRunRecord().GetProperty("stage").GetString(), Is.EqualTo("fitting"));
            Assert.That(File.Exists(Path.Combine(Cli.Store, "archive-forecast", "training.lock")), Is.False);
        });
    }

    [Test]
    public async Task Train_InterruptedWhileReading_Exits130RecordsCancelledAtReadingAndTheNextTrainRunsAtOnce()
    {
        string good = await Cli.GenerateAsync(rows: 300, seed: 5, name: "good.csv");
        string fifo = Cli.PathOf("slow.csv");
        await RunAsync("mkfifo", fifo);
        string[] lines = await File.ReadAllLinesAsync(good);
        using var train = CliSubprocess.Start(Cli.Root, "train", "--data", fifo, "--store", Cli.Store);

        // The data arrives slowly through a pipe: the header and a few rows, then the interrupt, then the end of the file.
        await using (var writer = new StreamWriter(new FileStream(fifo, FileMode.Open, FileAccess.Write)))
        {
            foreach (var line in lines.Take(20))
            {
                await writer.WriteLineAsync(line);
            }

            await writer.FlushAsync();
            await train.WaitForErrorLineAsync("[reading]");
            await train.SignalAsync("INT");
            await train.WaitForErrorLineAsync("interrupt received");
        }

        var result = await train.WaitForExitAsync();
        var record = SingleRunRecord();
        var next = await Cli.RunOnStoreAsync("train", "--data", good, "--promote", "force");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(130), result.ToString());
            Assert.That(record.GetProperty("status").GetString(), Is.EqualTo("cancelled"));
            Assert.That(record.GetProperty("stage").GetString(), Is.EqualTo("reading"));
            Assert.That(next.ExitCode, Is.Zero, "the lock was released: " + next);
        });
    }

    private JsonElement SingleRunRecord()
    {
        var runs = Directory.GetFiles(Path.Combine(Cli.Store, "archive-forecast", "runs"), "*.json");
        Assert.That(runs, Has.Length.EqualTo(1));
        using var document = JsonDocument.Parse(File.ReadAllText(runs[0]));
        return document.RootElement.Clone();
    }

    private static async Task RunAsync(string file, params string[] arguments)
    {
        using var process = Process.Start(file, arguments);
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero, $"{file} {string.Join(' ', arguments)}");
    }
}
