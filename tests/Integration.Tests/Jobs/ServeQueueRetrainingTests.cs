using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using ArchiveForecast.Api.Hosting;
using ArchiveForecast.Training.Pipeline;
using ArchiveForecast.Training.Retraining;
using Azure.Storage.Queues;
using Microsoft.Extensions.Hosting;

namespace ArchiveForecast.Integration.Tests.Jobs;

/// <summary>
/// <c>archive-forecast serve</c> configured with a Storage retraining queue (as a container deployment is): it has no
/// Functions host, so its own <see cref="StorageQueueRetrainWorker"/> must take the messages off the queue, train,
/// publish, and serve the new version; a message that keeps failing ends in <c>{queue}-poison</c> with a run record.
/// </summary>
[Category("Integration")]
[Category("Slow")]
public sealed class ServeQueueRetrainingTests
{
    private const string FunctionKey = "function-key-for-queue-tests";
    private const string AdminKey = "admin-key-for-queue-tests";
    private const string Dataset = "2026/archive.csv";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(250);

    private static AzuriteInstance Azurite => SharedAzurite.Instance;

    [Test]
    public async Task PostRetrain_OnServeWithAStorageQueue_IsTakenOffTheQueueTrainedAndServed()
    {
        await using var world = BlobWorld.Create(Azurite, TimeSpan.Zero);
        await world.UploadDatasetAsync(Dataset, rows: 600, seed: 5);
        await world.TrainAsync(seed: 1);
        await using var server = await StartServeAsync(world);
        using var client = new HttpClient { BaseAddress = new Uri(server.Urls[0]) };
        Assert.That(await Eventually.TrueAsync(() => IsServingAsync(client, version: 1), Patience, Pause), Is.True, "version 1 was never served");

        using var accepted = await SendAsync(client, HttpMethod.Post, "/api/retrain", AdminKey, $$"""{"model":"{{ModelName.Default}}","dataset":"{{Dataset}}"}""");
        var runId = JsonSerializer.Deserialize<JsonElement>(await accepted.Content.ReadAsStringAsync()).GetProperty("run_id").GetString()!;
        var finished = await Eventually.TrueAsync(() => IsFinishedAsync(world, runId), Patience, Pause);
        var served = await Eventually.TrueAsync(() => IsServingAsync(client, version: 2), Patience, Pause);

        var record = await world.Registry.GetRunAsync(ModelName.Parse(ModelName.Default), RunId.Parse(runId), CancellationToken.None);
        var left = (await Queue(world.QueueName).PeekMessagesAsync(maxMessages: 32)).Value;
        Assert.Multiple(() =>
        {
            Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(server.Services.GetServices<IHostedService>().OfType<StorageQueueRetrainWorker>(), Has.Exactly(1).Items);
            Assert.That(server.Services.GetServices<IHostedService>().OfType<InProcessRetrainWorker>(), Is.Empty);
            Assert.That(finished, Is.True, $"run {runId} did not finish");
            Assert.That(record!.Status, Is.EqualTo(RunStatus.Succeeded), record.Reason);
            Assert.That(record.Version, Is.EqualTo(2));
            Assert.That(record.Trigger, Is.EqualTo(TrainingTriggers.Http));
            Assert.That(served, Is.True, "serve did not pick up version 2");
            Assert.That(left, Is.Empty, "the handled message was not deleted");
        });
    }

    [Test]
    public async Task AMessageThatKeepsFailing_OnServe_EndsInThePoisonQueueWithARunRecordSayingWhy()
    {
        const string PoisonedRunId = "run-20260301-serve-poison";
        const string Message = $$"""{"run_id":"{{PoisonedRunId}}","model_name":"archive-forecast","dataset":42}""";
        await using var world = BlobWorld.Create(Azurite, TimeSpan.Zero);
        var queue = Queue(world.QueueName);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync(Message);
        var poison = Queue($"{world.QueueName}-poison");

        await using var server = await StartServeAsync(world);
        var poisoned = await Eventually.TrueAsync(() => HasMessagesAsync(poison), Patience, Pause);

        var record = await world.Registry.GetRunAsync(ModelName.Parse(ModelName.Default), RunId.Parse(PoisonedRunId), CancellationToken.None);
        var moved = (await poison.ReceiveMessagesAsync(maxMessages: 32)).Value;
        var left = (await queue.PeekMessagesAsync(maxMessages: 32)).Value;
        Assert.Multiple(() =>
        {
            Assert.That(poisoned, Is.True, "nothing reached the poison queue");
            Assert.That(moved.Select(m => m.MessageText), Is.EqualTo(new[] { Message }));
            Assert.That(left, Is.Empty);
            Assert.That(record!.Status, Is.EqualTo(RunStatus.Failed));
            Assert.That(record.Reason, Does.Contain("not a valid retraining request"));
        });
    }

    private static async Task<ArchiveForecastServer> StartServeAsync(BlobWorld world)
    {
        var server = ArchiveForecastServer.Create(new ServerOptions
        {
            Urls = ["http://127.0.0.1:0"],
            Settings = new Dictionary<string, string?>
            {
                ["ModelStore:ConnectionString"] = world.Azurite.ConnectionString,
                ["ModelStore:ContainerName"] = world.ModelsContainer,
                ["ModelStore:ReloadInterval"] = Interval(TimeSpan.FromSeconds(1)),
                ["TrainingData:ConnectionString"] = world.Azurite.ConnectionString,
                ["TrainingData:ContainerName"] = world.DataContainer,
                ["RetrainQueue:ConnectionString"] = world.Azurite.ConnectionString,
                ["RetrainQueue:QueueName"] = world.QueueName,
                ["RetrainQueue:MaxPollingInterval"] = Interval(TimeSpan.FromSeconds(1)),
                ["RetrainQueue:RetryDelay"] = Interval(TimeSpan.Zero),
                ["Auth:FunctionKeys:0"] = FunctionKey,
                ["Auth:AdminKeys:0"] = AdminKey,
            },
        });
        try
        {
            await server.StartAsync(CancellationToken.None);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private static string Interval(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);

    private static QueueClient Queue(string name) => new(Azurite.ConnectionString, name, new QueueClientOptions { MessageEncoding = StorageQueueRetrainQueue.MessageEncoding });

    private static async Task<bool> IsFinishedAsync(BlobWorld world, string runId) =>
        await world.Registry.GetRunAsync(ModelName.Parse(ModelName.Default), RunId.Parse(runId), CancellationToken.None) is { Status: RunStatus.Succeeded or RunStatus.Failed };

    private static async Task<bool> HasMessagesAsync(QueueClient queue) =>
        (await queue.ExistsAsync()).Value && (await queue.PeekMessagesAsync(maxMessages: 1)).Value.Length > 0;

    private static async Task<bool> IsServingAsync(HttpClient client, int version)
    {
        using var health = await SendAsync(client, HttpMethod.Get, "/api/health", key: null);
        return health.StatusCode == HttpStatusCode.OK
            && JsonSerializer.Deserialize<JsonElement>(await health.Content.ReadAsStringAsync()).GetProperty("model").GetProperty("version").GetInt32() == version;
    }


    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? key, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request);
    }
}
