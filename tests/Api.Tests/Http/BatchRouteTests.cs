using ArchiveForecast.Training.Data;

namespace ArchiveForecast.Api.Tests.Http;

/// <summary>
/// Batch jobs through <c>serve</c> over real HTTP on folder stores: submit, follow the run record until it completes,
/// read the output; and submissions that must be refused without writing anything.
/// </summary>
[TestFixture]
[Category("Slow")]
[Category("Http")]
public sealed class BatchRouteTests
{
    private const string Dataset = "plant-07/2026-11.csv";
    private const int Rows = 400;
    private static readonly TimeSpan PollFor = TimeSpan.FromMinutes(2);

    private ApiServer server = null!;
    private string predictions = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        predictions = TempFolder.CreateForRun();
        server = await ApiServer.StartAsync(settings: new Dictionary<string, string?>(TestKeys.Settings) { ["Predictions:Path"] = predictions });
        string dataset = Path.Combine(server.Root, "training-data", "plant-07", "2026-11.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(dataset)!);
        await using var file = File.Create(dataset);
        await TrainingDataCsvWriter.WriteAsync(SyntheticDataGenerator.Generate(Rows, 31), file, CancellationToken.None);
    }

    [OneTimeTearDown]
    public async Task StopServer() => await server.DisposeAsync();

    [TestCase(null)]
    [TestCase(TrainedStore.DefaultModel)]
    public async Task Submit_Returns202_TheJobCompletes_AndTheOutputHasOneScoredRowPerInputRowInOrder(string? model)
    {
        string path = model is null ? "/api/batch" : $"/api/models/{model}/batch";
        using var response = await server.SendAsync(HttpMethod.Post, path, TestKeys.Function, $$"""{"dataset":"{{Dataset}}"}""");

        var accepted = await JsonResponses.ReadAsync(response, HttpStatusCode.Accepted);
        string runId = accepted.GetProperty("run_id").GetString()!;
        string statusUrl = accepted.GetProperty("status_url").GetString()!;
        var run = await WaitForRunToFinishAsync(statusUrl);
        string output = Path.Combine(predictions, TrainedStore.DefaultModel, $"{runId}.csv");
        var input = File.ReadAllLines(Path.Combine(server.Root, "training-data", "plant-07", "2026-11.csv"));
        var scored = File.ReadAllLines(output);

        Assert.Multiple(() =>
        {
            Assert.That(statusUrl, Is.EqualTo($"/api/runs/{runId}"));
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo(statusUrl));
            Assert.That(run.GetProperty("status").GetString(), Is.EqualTo("succeeded"), run.ToString());
            Assert.That(run.GetProperty("kind").GetString(), Is.EqualTo("batch"));
            Assert.That(run.GetProperty("trigger").GetString(), Is.EqualTo("http"));
            Assert.That(run.GetProperty("rows_scored").GetInt64(), Is.EqualTo(Rows));
            Assert.That(run.GetProperty("version").GetInt32(), Is.EqualTo(TrainedStore.CurrentVersion));
            Assert.That(run.GetProperty("output").GetString(), Is.EqualTo($"{TrainedStore.DefaultModel}/{runId}.csv"));
            Assert.That(scored, Has.Length.EqualTo(Rows + 1), "a header and one row per input row");
            Assert.That(scored.Skip(1).Select(FirstField), Is.EqualTo(input.Skip(1).Select(FirstField)), "the input's first column carried through, in order");
            Assert.That(File.Exists(Path.Combine(predictions, TrainedStore.DefaultModel, $"{runId}.summary.json")), Is.True);
        });
    }

    [Test]
    public async Task Submit_WithAnOutputName_WritesThere()
    {
        using var response = await server.SendAsync(HttpMethod.Post, "/api/batch", TestKeys.Function, $$"""{"dataset":"{{Dataset}}","output":"plant-07/november"}""");

        var accepted = await JsonResponses.ReadAsync(response, HttpStatusCode.Accepted);
        var run = await WaitForRunToFinishAsync(accepted.GetProperty("status_url").GetString()!);

        Assert.Multiple(() =>
        {
            Assert.That(run.GetProperty("status").GetString(), Is.EqualTo("succeeded"), run.ToString());
            Assert.That(File.ReadLines(Path.Combine(predictions, TrainedStore.DefaultModel, "plant-07", "november.csv")).Count(), Is.EqualTo(Rows + 1));
        });
    }

    [TestCase("/api/batch", """{"dataset":"plant-07/2026-12.csv"}""", HttpStatusCode.NotFound, null, TestName = "Submit_UnknownDataset_Is404")]
    [TestCase("/api/models/archive-forcast/batch", """{"dataset":"plant-07/2026-11.csv"}""", HttpStatusCode.NotFound, null, TestName = "Submit_UnknownModel_Is404")]
    [TestCase("/api/batch", """{"dataset":"../models/archive-forecast/pointer.json"}""", HttpStatusCode.UnprocessableEntity, "/dataset", TestName = "Submit_PathOutsideTheDataStore_Is422")]
    [TestCase("/api/batch", """{"dataset":"https://evil.example/x.csv"}""", HttpStatusCode.UnprocessableEntity, "/dataset", TestName = "Submit_UrlAsDataset_Is422")]
    [TestCase("/api/batch", """{"dataset":"plant-07/2026-11.csv","output":"../escape"}""", HttpStatusCode.UnprocessableEntity, "/output", TestName = "Submit_OutputOutsideThePredictionsStore_Is422")]
    [TestCase("/api/batch", """{}""", HttpStatusCode.BadRequest, "/dataset", TestName = "Submit_NoDataset_Is400")]
    [TestCase("/api/batch", """{"dataset":"plant-07/2026-11.csv","model":"x"}""", HttpStatusCode.BadRequest, "/model", TestName = "Submit_UnknownProperty_Is400")]
    public async Task Submit_Refused_WritesNoRunRecordAndNoOutput(string path, string body, HttpStatusCode status, string? field)
    {
        var before = await StoreSnapshot.TakeAsync(server);
        var runsBefore = RunRecordFiles();
        var outputsBefore = Directory.EnumerateFiles(predictions, "*", SearchOption.AllDirectories).Count();

        using var response = await server.SendAsync(HttpMethod.Post, path, TestKeys.Function, body);

        await ProblemAssert.IsProblemAsync(response, status, field is null ? [] : [field]);
        await StoreSnapshot.AssertUnchangedAsync(server, before);
        Assert.Multiple(() =>
        {
            Assert.That(RunRecordFiles(), Is.EquivalentTo(runsBefore), "no run record is written");
            Assert.That(Directory.EnumerateFiles(predictions, "*", SearchOption.AllDirectories).Count(), Is.EqualTo(outputsBefore), "no output is written");
        });
    }

    [Test]
    public async Task Submit_WithoutAKey_Is401()
    {
        using var response = await server.SendAsync(HttpMethod.Post, "/api/batch", key: null, $$"""{"dataset":"{{Dataset}}"}""");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    private static string FirstField(string line) => line.Split(',')[0];

    private string[] RunRecordFiles() =>
        [.. Directory.EnumerateFiles(server.ModelsPath, "*.json", SearchOption.AllDirectories).Where(f => f.Contains($"{Path.DirectorySeparatorChar}runs{Path.DirectorySeparatorChar}", StringComparison.Ordinal))];

    private async Task<JsonElement> WaitForRunToFinishAsync(string statusUrl)
    {
        var deadline = DateTime.UtcNow + PollFor;
        while (true)
        {
            var run = await JsonResponses.GetAsync(server, statusUrl);
            string? status = run.GetProperty("status").GetString();
            if (status is "succeeded" or "failed" or "cancelled" || DateTime.UtcNow > deadline)
            {
                return run;
            }

            await Task.Delay(100);
        }
    }
}
