using ArchiveForecast.Core.Registry;
using ArchiveForecast.Integration.Tests.Azurite;
using ArchiveForecast.Integration.Tests.Composition;
using ArchiveForecast.Training.Data;
using ArchiveForecast.Training.Pipeline;
using ArchiveForecast.Training.Retraining;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;

namespace ArchiveForecast.Integration.Tests.Jobs;

/// <summary>
/// Retraining through the Azure Storage queue, end to end on Azurite: a request is accepted (run record queued, message
/// sent), the message is taken off the queue and handed to <see cref="RetrainJob"/> as the queue-triggered
/// function does (the host Base64-decodes it and passes the text), and the serving side's poll picks up the version.
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
        var versions = await world.Registry.ListVersionsAsync(ModelName.Default, CancellationToken.None);
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
        var host = new QueueTriggerHost(Azurite.ConnectionString, world.QueueName);
        var handler = world.Services.GetRequiredService<RetrainMessageConsumer>();

        var failures = await host.DrainAsync((text, dequeueCount) => handler.HandleAsync(text, dequeueCount, CancellationToken.None));

        var record = await world.Registry.GetRunAsync(ModelName.Parse(ModelName.Default), RunId.Parse("run-20260301-poison"), CancellationToken.None);
        var poisoned = (await host.PoisonQueue.ReceiveMessagesAsync(maxMessages: 32)).Value;
        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.EqualTo(handler.MaxDequeueCount));
            Assert.That(poisoned, Has.Length.EqualTo(1));
            Assert.That(record!.Status, Is.EqualTo(RunStatus.Failed));
            Assert.That(record.Reason, Does.Contain("not a valid retraining request"));
        });
    }

    [Test]
    public async Task AMessageThatIsNotJson_EndsInThePoisonQueueAndIsLogged()
    {
        await using var world = BlobWorld.Create(Azurite, TimeSpan.Zero);
        await SendRawAsync(world, "retrain please");
        var host = new QueueTriggerHost(Azurite.ConnectionString, world.QueueName);
        var handler = world.Services.GetRequiredService<RetrainMessageConsumer>();

        await host.DrainAsync((text, dequeueCount) => handler.HandleAsync(text, dequeueCount, CancellationToken.None));

        var poisoned = (await host.PoisonQueue.ReceiveMessagesAsync(maxMessages: 32)).Value;
        Assert.Multiple(() =>
        {
            Assert.That(poisoned.Select(m => m.MessageText), Is.EqualTo(new[] { "retrain please" }));
            Assert.That(world.Logs.Entries.Count(e => e.EventId == 2800), Is.EqualTo(handler.MaxDequeueCount));
        });
    }

    [Test]
    public async Task AQueuedRequest_ThroughTheMessageHandler_IsDeletedAfterOneDelivery()
    {
        await using var world = BlobWorld.Create(Azurite, TimeSpan.Zero);
        await world.UploadDatasetAsync("2026/archive.csv", rows: 600, seed: 6);
        var accepted = await world.Services.GetRequiredService<RetrainCoordinator>()
            .SubmitAsync(ModelName.Parse(ModelName.Default), DatasetPath.Parse("2026/archive.csv"), TrainingTriggers.Timer, CancellationToken.None);
        var host = new QueueTriggerHost(Azurite.ConnectionString, world.QueueName);
        var handler = world.Services.GetRequiredService<RetrainMessageConsumer>();

        var failures = await host.DrainAsync((text, dequeueCount) => handler.HandleAsync(text, dequeueCount, CancellationToken.None));

        var record = await world.Registry.GetRunAsync(ModelName.Parse(ModelName.Default), RunId.Parse(accepted.RunId), CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Zero);
            Assert.That(record!.Status, Is.EqualTo(RunStatus.Succeeded), record.Reason);
            Assert.That(record.Version, Is.EqualTo(1));
        });
    }

    private static async Task SendRawAsync(BlobWorld world, string text)
    {
        var sender = new QueueClient(world.Azurite.ConnectionString, world.QueueName, StorageQueueRetrainQueue.CreateClientOptions());
        await sender.CreateIfNotExistsAsync();
        await sender.SendMessageAsync(text);
    }

    private static async Task<string> TakeMessageAsync(BlobWorld world)
    {
        var queue = new QueueClient(world.Azurite.ConnectionString, world.QueueName, StorageQueueRetrainQueue.CreateClientOptions());
        var message = (await queue.ReceiveMessageAsync()).Value ?? throw new AssertionException("no message on the queue");
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        return message.MessageText;
    }
}
