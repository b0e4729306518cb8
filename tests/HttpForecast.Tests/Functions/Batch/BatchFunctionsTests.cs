using ArchiveForecast.HttpForecast.Functions.Http;
using ArchiveForecast.HttpForecast.Functions.Retraining;

namespace ArchiveForecast.HttpForecast.Tests.Functions.Batch;

/// <summary>
/// The Functions app's batch path: the HTTP functions of the batch routes queue a message of kind <c>batch</c> on the
/// job queue, and the queue-triggered function runs it into the predictions folder; a job that keeps failing ends in a
/// failed record on its last delivery, as retraining does.
/// </summary>
[TestFixture]
[Category("Slow")]
public sealed class BatchFunctionsTests
{
    [Test]
    public async Task SubmitModelBatch_QueuesABatchMessage_AndTheQueueFunctionScoresEveryRowInOrder()
    {
        string predictions = Directory.CreateTempSubdirectory("batch-functions-").FullName;
        await using var app = await FunctionsApp.Create().WithSetting("Predictions:Path", predictions).StartAsync();
        await app.TrainAndServeDefaultModelAsync();

        var accepted = await app.SendAsync<HttpFunctions>(
            HttpRequestBuilder.Post($"/api/models/{ModelName.Default}/batch").WithJson($$"""{"dataset":"{{FunctionsAppBuilder.Dataset}}"}"""),
            (f, r) => f.SubmitModelBatchAsync(r, ModelName.Default, CancellationToken.None));
        string runId = accepted.Json["run_id"]!.GetValue<string>();
        string message = app.Queue.Dequeue();
        var queued = await app.Registry.GetRunAsync(ModelName.Parse(ModelName.Default), RunId.Parse(runId), CancellationToken.None);
        await DeliverAsync(app, message);
        var run = await app.Registry.GetRunAsync(ModelName.Parse(ModelName.Default), RunId.Parse(runId), CancellationToken.None);
        var input = File.ReadAllLines(Path.Combine(app.Root, "training-data", FunctionsAppBuilder.Dataset));
        var output = File.ReadAllLines(Path.Combine(predictions, ModelName.Default, $"{runId}.csv"));

        Assert.Multiple(() =>
        {
            Assert.That(accepted.Status, Is.EqualTo(202), accepted.Body);
            Assert.That(RetrainMessage.Deserialize(message).IsBatch, Is.True, message);
            Assert.That(queued?.Status, Is.EqualTo(RunStatus.Queued));
            Assert.That(queued?.Kind, Is.EqualTo(RunKinds.Batch));
            Assert.That(run?.Status, Is.EqualTo(RunStatus.Succeeded), run?.Reason);
            Assert.That(run?.RowsScored, Is.EqualTo(FunctionsAppBuilder.DatasetRows));
            Assert.That(output, Has.Length.EqualTo(FunctionsAppBuilder.DatasetRows + 1));
            Assert.That(output.Skip(1).Select(l => l.Split(',')[0]), Is.EqualTo(input.Skip(1).Select(l => l.Split(',')[0])));
        });
    }

    [Test]
    public async Task SubmitBatch_OfAnUnknownDataset_Is404_AndQueuesNothing()
    {
        await using var app = await FunctionsApp.Create().StartAsync();
        await app.TrainAndServeDefaultModelAsync();
        int before = app.Queue.Count;

        var answer = await app.SendAsync<HttpFunctions>(
            HttpRequestBuilder.Post("/api/batch").WithJson("""{"dataset":"plant-07/missing.csv"}"""),
            (f, r) => f.SubmitBatchAsync(r, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(404), answer.Body);
            Assert.That(answer.ContentType, Does.StartWith("application/problem+json"));
            Assert.That(app.Queue.Count, Is.EqualTo(before));
        });
    }

    [Test]
    public async Task QueueFunction_BatchJobFailingOnEveryDelivery_ThrowsEachTime_AndTheLastDeliveryRecordsItPoisoned()
    {
        // A file where the predictions folder should be: every attempt to write the output fails, as a store that is away would.
        string root = Directory.CreateTempSubdirectory("batch-poison-").FullName;
        string notAFolder = Path.Combine(root, "predictions");
        await File.WriteAllTextAsync(notAFolder, "not a folder");
        await using var app = await FunctionsApp.Create().WithSetting("Predictions:Path", notAFolder).StartAsync();
        await app.TrainAndServeDefaultModelAsync();
        var accepted = await app.SendAsync<HttpFunctions>(
            HttpRequestBuilder.Post("/api/batch").WithJson($$"""{"dataset":"{{FunctionsAppBuilder.Dataset}}"}"""),
            (f, r) => f.SubmitBatchAsync(r, CancellationToken.None));
        var runId = RunId.Parse(accepted.Json["run_id"]!.GetValue<string>());
        string message = app.Queue.Dequeue();
        int deliveries = app.Services.GetRequiredService<RetrainMessageConsumer>().MaxDequeueCount;

        RunRecord? beforeLast = null;
        for (int delivery = 1; delivery <= deliveries; delivery++)
        {
            if (delivery == deliveries)
            {
                beforeLast = await app.Registry.GetRunAsync(ModelName.Parse(ModelName.Default), runId, CancellationToken.None);
            }

            Assert.That(() => DeliverAsync(app, message, delivery), Throws.InstanceOf<Exception>(), $"delivery {delivery}");
        }

        var run = await app.Registry.GetRunAsync(ModelName.Parse(ModelName.Default), runId, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(beforeLast?.Status, Is.Not.EqualTo(RunStatus.Failed), "a delivery before the last leaves the job to be retried");
            Assert.That(run?.Status, Is.EqualTo(RunStatus.Failed));
            Assert.That(run?.Kind, Is.EqualTo(RunKinds.Batch));
            Assert.That(run?.Reason, Does.Contain("poison"));
        });
    }

    private static Task DeliverAsync(FunctionsApp app, string message, long dequeueCount = 1) =>
        app.InvokeAsync<RetrainFromQueueFunction>(f => f.RunAsync(QueueDeliveries.Delivery(message, dequeueCount), CancellationToken.None));
}
