using ArchiveForecast.HttpForecast.Functions.Retraining;
using ArchiveForecast.Training.Data;
using ArchiveForecast.Training.Pipeline;

namespace ArchiveForecast.HttpForecast.Tests.Functions.Retraining;

[TestFixture]
public sealed class RetrainFromQueueFunctionTests
{
    private const string QueuedRunId = "20260301T030000Z-0a1b2c3d";

    [Test]
    public async Task Run_WithASubmittedRequest_TrainsPublishesPromotesAndRecordsTheRun()
    {
        await using var app = await FunctionsApp.Create().StartAsync();
        var submitted = await app.Services.GetRequiredService<RetrainCoordinator>()
            .SubmitAsync(ModelName.Parse(ModelName.Default), DatasetPath.Parse(FunctionsAppBuilder.Dataset), TrainingTriggers.Http, CancellationToken.None);

        await DeliverAsync(app, app.Queue.Dequeue());
        var run = await app.Registry.GetRunAsync(ModelName.Parse(ModelName.Default), RunId.Parse(submitted.RunId), CancellationToken.None);
        var versions = await app.Registry.ListVersionsAsync(ModelName.Parse(ModelName.Default), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(run?.Status, Is.EqualTo(RunStatus.Succeeded), run?.Reason);
            Assert.That(run?.Trigger, Is.EqualTo(TrainingTriggers.Http));
            Assert.That(run?.Dataset, Is.EqualTo(FunctionsAppBuilder.Dataset));
            Assert.That(run?.RowsRead, Is.EqualTo(FunctionsAppBuilder.DatasetRows));
            Assert.That(run?.StartedAt, Is.Not.Null);
            Assert.That(run?.FinishedAt, Is.Not.Null);
            Assert.That(versions.Select(v => (v.Version, v.Status)), Is.EqualTo(new[] { (1, VersionStatus.Current) }));
        });
    }

    [Test]
    public async Task Run_DeliveredTwice_TrainsOnce()
    {
        await using var app = await FunctionsApp.Create().StartAsync();
        await app.Services.GetRequiredService<RetrainCoordinator>()
            .SubmitAsync(ModelName.Parse(ModelName.Default), dataset: null, TrainingTriggers.Queue, CancellationToken.None);
        string message = app.Queue.Dequeue();

        await DeliverAsync(app, message);
        await DeliverAsync(app, message, dequeueCount: 2);
        var versions = await app.Registry.ListVersionsAsync(ModelName.Parse(ModelName.Default), CancellationToken.None);

        Assert.That(versions, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Run_WithADatasetThatDoesNotExist_CompletesWithAFailedRunRecordSayingWhy()
    {
        await using var app = await FunctionsApp.Create().StartAsync();
        var submitted = await app.Services.GetRequiredService<RetrainCoordinator>()
            .SubmitAsync(ModelName.Parse(ModelName.Default), DatasetPath.Parse("missing/archive.csv"), TrainingTriggers.Http, CancellationToken.None);

        await DeliverAsync(app, app.Queue.Dequeue());
        var run = await app.Registry.GetRunAsync(ModelName.Parse(ModelName.Default), RunId.Parse(submitted.RunId), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(run?.Status, Is.EqualTo(RunStatus.Failed));
            Assert.That(run?.Reason, Does.Contain("missing/archive.csv"));
            Assert.That(run?.Version, Is.Null);
        });
    }

    [Test]
    public async Task Run_WithAMessageThatIsNotJson_Throws_SoTheHostRetriesAndThenPoisonsIt()
    {
        await using var app = await FunctionsApp.Create().StartAsync();

        Assert.That(() => DeliverAsync(app, "retrain archive-forecast please"), Throws.TypeOf<FormatException>());
    }

    [Test]
    public async Task Run_WithAMessageNamingARunButMissingItsTrigger_ThrowsAndRecordsWhyTheRunFailed()
    {
        await using var app = await FunctionsApp.Create().StartAsync();
        string message = $$"""{"run_id":"{{QueuedRunId}}","model_name":"{{ModelName.Default}}"}""";

        Assert.That(() => DeliverAsync(app, message), Throws.TypeOf<FormatException>());
        var run = await app.Registry.GetRunAsync(ModelName.Parse(ModelName.Default), RunId.Parse(QueuedRunId), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(run?.Status, Is.EqualTo(RunStatus.Failed));
            Assert.That(run?.Reason, Does.Contain("not a valid retraining request"));
        });
    }

    [Test]
    public async Task Run_WithAnInvalidModelName_ThrowsWithoutWritingARunRecord()
    {
        await using var app = await FunctionsApp.Create().StartAsync();
        string message = $$"""{"run_id":"{{QueuedRunId}}","model_name":"../etc","dataset":null,"trigger":"queue"}""";

        Assert.That(() => DeliverAsync(app, message), Throws.TypeOf<FormatException>().With.Message.Contains(ModelName.Rule));
        var run = await app.Registry.FindRunAsync(RunId.Parse(QueuedRunId), CancellationToken.None);

        Assert.That(run, Is.Null);
    }

    private static Task DeliverAsync(FunctionsApp app, string message, long dequeueCount = 1) =>
        app.InvokeAsync<RetrainFromQueueFunction>(f => f.RunAsync(QueueDeliveries.Delivery(message, dequeueCount), CancellationToken.None));
}
