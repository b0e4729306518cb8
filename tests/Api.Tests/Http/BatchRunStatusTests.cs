using ArchiveForecast.Core.Registry;
using ArchiveForecast.Training.Batch;
using ArchiveForecast.Training.Data;
using Microsoft.Extensions.DependencyInjection;

namespace ArchiveForecast.Api.Tests.Http;

/// <summary>
/// A batch job run by <c>serve</c>'s own <see cref="BatchJobRunner"/> on folder stores, then read through
/// <c>GET /api/runs/{run_id}</c>: the record says what kind of run it was, how many rows it scored, with which version
/// and how long it took.
/// </summary>
[TestFixture]
public sealed class BatchRunStatusTests
{
    [Test]
    public async Task GetRun_OfABatchJob_ShowsItsKindRowsVersionAndDuration()
    {
        string predictions = TempFolder.CreateForRun();
        await using var server = await ApiServer.StartAsync(settings: new Dictionary<string, string?>(TestKeys.Settings) { ["Predictions:Path"] = predictions });
        string dataset = Path.Combine(server.Root, "training-data", "plant-07", "2026-11.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(dataset)!);
        var rows = SyntheticDataGenerator.Generate(300, 21).ToList();
        await using (var file = File.Create(dataset))
        {
            await TrainingDataCsvWriter.WriteAsync(rows, file, CancellationToken.None);
        }

        var runId = RunId.New(TimeProvider.System);
        var record = await server.Server.Services.GetRequiredService<BatchJobRunner>().RunAsync(
            new BatchRequest(runId, ModelName.Parse(TrainedStore.DefaultModel), DatasetPath.Parse("plant-07/2026-11.csv"), null, "cli"),
            CancellationToken.None);

        using var response = await server.SendAsync(HttpMethod.Get, $"/api/runs/{runId}", TestKeys.Function);
        var run = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(record.Status, Is.EqualTo(RunStatus.Succeeded), record.Reason);
            Assert.That(run.GetProperty("kind").GetString(), Is.EqualTo("batch"));
            Assert.That(run.GetProperty("status").GetString(), Is.EqualTo("succeeded"));
            Assert.That(run.GetProperty("rows_scored").GetInt64(), Is.EqualTo(300));
            Assert.That(run.GetProperty("version").GetInt32(), Is.EqualTo(TrainedStore.CurrentVersion));
            Assert.That(run.GetProperty("duration_seconds").GetDouble(), Is.GreaterThan(0));
            Assert.That(run.GetProperty("output").GetString(), Is.EqualTo($"{TrainedStore.DefaultModel}/{runId}.csv"));
            Assert.That(File.ReadLines(Path.Combine(predictions, TrainedStore.DefaultModel, $"{runId}.csv")).Count(), Is.EqualTo(301));
        });
    }
}
