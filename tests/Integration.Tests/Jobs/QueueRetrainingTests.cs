using ArchiveForecast.Training.Pipeline;
using ArchiveForecast.Training.Retraining;
using Azure.Storage.Queues;

namespace ArchiveForecast.Integration.Tests.Jobs;

/// <summary>
/// Retraining through the Azure Storage queue, end to end on Azurite: a request is accepted (run record queued, message
/// sent), the message is taken off the queue and handed to <see cref="RetrainMessageConsumer"/> as the queue-triggered
/// function does (the host Base64-decodes it and passes the text), and the serving side's poll picks up the version.
/// Retries and poisoning run through the production consumer of the queue, <see cref="StorageQueueRetrainWorker"/>.
/// </summary>
[Category("Integration")]
public sealed class QueueRetrainingTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static AzuriteInstance Azurite => SharedAzurite.Instance;

    [Test]
    public async Task AQueuedRequest_TrainsPublishesAndIsServedByThePollingSide()
    {
        await using var world = BlobWorld.Create(Azurite, TimeSpan.FromSeconds(1));
        await world.UploadDatasetAsync("2026/archive.csv", rows: 600, seed: 5);
        await world.StartServingAsync();
        var accepted = await world.Services.GetRequiredService<RetrainCoordinator>()
            .SubmitAsync(ModelName.Parse(ModelName.Default), DatasetPath.Parse("2026/archive.csv"), TrainingTriggers.Http, CancellationToken.None);

        var messageText = await TakeMessageAsync(world);
        var result = await world.Services.GetRequiredService<RetrainMessageConsumer>()
            .HandleAsync(messageText, dequeueCount: 1, CancellationToken.None);
        var served = await Eventually.TrueAsync(() => world.Catalog.Default.Current?.Version == result.Run.Version, Patience);

        var record = await world.Registry.GetRunAsync(ModelName.Parse(ModelName.Default), RunId.Parse(accepted.RunId), CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(accepted.Status, Is.EqualTo(RunStatus.Queued));
            Assert.That(record!.Status, Is.EqualTo(RunStatus.Succeeded), record.Reason);
            Assert.That(record.Version, Is.EqualTo(1));
            Assert.That(record.Trigger, Is.EqualTo(TrainingTriggers.Http));
            Assert.That(record.Dataset, Is.EqualTo("2026/archive.csv"));
            Assert.That(served, Is.True, $"version {result.Run.Version} was not picked up: {world.Catalog.Default.LoadState.LastError}");
        });
    }

    [Test]
    public async Task AQueuedRequestForAMissingDataset_EndsWithAFailedRunRecordSayingWhy()
    {
        await using var world = BlobWorld.Create(Azurite, TimeSpan.Zero);
        await world.UploadDatasetAsync("2026/archive.csv", rows: 100, seed: 5);
        var accepted = await world.Services.GetRequiredService<RetrainCoordinator>()
            .SubmitAsync(ModelName.Parse(ModelName.Default), DatasetPath.Parse("2026/missing.csv"), TrainingTriggers.Http, CancellationToken.None);

        var messageText = await TakeMessageAsync(world);
        await world.Services.GetRequiredService<RetrainMessageConsumer>()
            .HandleAsync(messageText, dequeueCount: 1, CancellationToken.None);

        var record = await world.Registry.GetRunAsync(ModelName.Parse(ModelName.Default), RunId.Parse(accepted.RunId), CancellationToken.None);
        var versions = await world.Registry.ListVersionsAsync(ModelName.Parse(ModelName.Default), CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(record!.Status, Is.EqualTo(RunStatus.Failed));
            Assert.That(record.Reason, Does.Contain("2026/missing.csv").And.Contain("does not exist"));
            Assert.That(record.Reason, Does.Not.Contain(Azurite.BlobServiceUri.Authority));
            Assert.That(versions, Is.Empty);
        });
    }

    [Test]
    public async Task AMessageNamingARunButNotARequest_EndsInThePoisonQueueWithARunRecordSayingWhy()
    {
        await using var world = BlobWorld.Create(Azurite, TimeSpan.Zero);
        await SendRawAsync(world, "{\"run_id\":\"run-20260301-poison\",\"model_name\":\"archive-forecast\",\"dataset\":42}");
        var consumer = world.Services.GetRequiredService<RetrainMessageConsumer>();

        var poisoned = await ConsumeUntilAsync(world, () => PoisonedAsync(world));

        var record = await world.Registry.GetRunAsync(ModelName.Parse(ModelName.Default), RunId.Parse("run-20260301-poison"), CancellationToken.None);
        var moved = (await Queue(world, $"{world.QueueName}-poison").ReceiveMessagesAsync(maxMessages: 32)).Value;
        Assert.Multiple(() =>
        {
            Assert.That(poisoned, Is.True, "nothing reached the poison queue");
            Assert.That(world.Logs.Entries.Count(e => e.EventId == 2801), Is.EqualTo(consumer.MaxDequeueCount), "one failed delivery each");
            Assert.That(moved, Has.Length.EqualTo(1));
            Assert.That(record!.Status, Is.EqualTo(RunStatus.Failed));
            Assert.That(record.Reason, Does.Contain("not a valid retraining request"));
        });
    }

    [Test]
    public async Task AMessageThatIsNotJson_EndsInThePoisonQueueAndIsLogged()
    {
        await using var world = BlobWorld.Create(Azurite, TimeSpan.Zero);
        await SendRawAsync(world, "retrain please");
        var consumer = world.Services.GetRequiredService<RetrainMessageConsumer>();

        var poisoned = await ConsumeUntilAsync(world, () => PoisonedAsync(world));

        var moved = (await Queue(world, $"{world.QueueName}-poison").ReceiveMessagesAsync(maxMessages: 32)).Value;
        Assert.Multiple(() =>
        {
            Assert.That(poisoned, Is.True, "nothing reached the poison queue");
            Assert.That(moved.Select(m => m.MessageText), Is.EqualTo(new[] { "retrain please" }));
            Assert.That(world.Logs.Entries.Count(e => e.EventId == 2800), Is.EqualTo(consumer.MaxDequeueCount));
        });
    }

    [Test]
    public async Task AQueuedRequest_ThroughTheConsumer_IsDeletedAfterOneDelivery()
    {
        await using var world = BlobWorld.Create(Azurite, TimeSpan.Zero);
        await world.UploadDatasetAsync("2026/archive.csv", rows: 600, seed: 6);
        var accepted = await world.Services.GetRequiredService<RetrainCoordinator>()
            .SubmitAsync(ModelName.Parse(ModelName.Default), DatasetPath.Parse("2026/archive.csv"), TrainingTriggers.Timer, CancellationToken.None);
        var runId = RunId.Parse(accepted.RunId);

        var finished = await ConsumeUntilAsync(
            world,
            async () => await world.Registry.GetRunAsync(ModelName.Parse(ModelName.Default), runId, CancellationToken.None) is { Status: RunStatus.Succeeded or RunStatus.Failed }
                && (await Queue(world, world.QueueName).PeekMessagesAsync(maxMessages: 1)).Value.Length == 0);

        var record = await world.Registry.GetRunAsync(ModelName.Parse(ModelName.Default), runId, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(finished, Is.True, "the run did not finish, or its message was left on the queue");
            Assert.That(world.Logs.Entries.Count(e => e.EventId is 2800 or 2801 or 2805), Is.Zero, "no delivery failed");
            Assert.That(record!.Status, Is.EqualTo(RunStatus.Succeeded), record.Reason);
            Assert.That(record.Version, Is.EqualTo(1));
        });
    }

    /// <summary>
    /// Runs the production consumer of the storage queue (<see cref="StorageQueueRetrainWorker"/>, as <c>serve</c> does:
    /// delivery, retry after <c>RetrainQueue:RetryDelay</c>, poison after <c>MaxDequeueCount</c>) until <paramref name="done"/>.
    /// </summary>
    private static async Task<bool> ConsumeUntilAsync(BlobWorld world, Func<Task<bool>> done)
    {
        using var worker = ActivatorUtilities.CreateInstance<StorageQueueRetrainWorker>(world.Services);
        await worker.StartAsync(CancellationToken.None);
        try
        {
            return await Eventually.TrueAsync(done, Patience);
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<bool> PoisonedAsync(BlobWorld world)
    {
        var poison = Queue(world, $"{world.QueueName}-poison");
        return (await poison.ExistsAsync()).Value && (await poison.PeekMessagesAsync(maxMessages: 1)).Value.Length > 0;
    }

    private static QueueClient Queue(BlobWorld world, string name) =>
        new(world.Azurite.ConnectionString, name, new QueueClientOptions { MessageEncoding = StorageQueueRetrainQueue.MessageEncoding });

    private static async Task SendRawAsync(BlobWorld world, string text)
    {
        var sender = new QueueClient(world.Azurite.ConnectionString, world.QueueName, new QueueClientOptions { MessageEncoding = StorageQueueRetrainQueue.MessageEncoding });
        await sender.CreateIfNotExistsAsync();
        await sender.SendMessageAsync(text);
    }

    private static async Task<string> TakeMessageAsync(BlobWorld world)
    {
        var queue = new QueueClient(world.Azurite.ConnectionString, world.QueueName, new QueueClientOptions { MessageEncoding = StorageQueueRetrainQueue.MessageEncoding });
        var message = (await queue.ReceiveMessageAsync()).Value ?? throw new AssertionException("no message on the queue");
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        return message.MessageText;
    }
}
