using ArchiveForecast.HttpForecast.Functions.Retraining;
using ArchiveForecast.Training.Pipeline;
using Microsoft.Azure.Functions.Worker;

namespace ArchiveForecast.HttpForecast.Tests.Functions.Retraining;

[TestFixture]
public sealed class ScheduledRetrainFunctionTests
{
    [Test]
    public async Task Run_QueuesTheDefaultModelOnTheDefaultDataset_AndTheQueueFunctionTrainsAndServesIt()
    {
        await using var app = await FunctionsApp.Create().StartAsync();

        await app.InvokeAsync<ScheduledRetrainFunction>(f => f.RunAsync(new TimerInfo { IsPastDue = true }, CancellationToken.None));
        var message = app.Queue.Dequeue();
        var request = RetrainMessage.Deserialize(message);
        var queued = await app.Registry.GetRunAsync(ModelName.Parse(ModelName.Default), RunId.Parse(request.RunId), CancellationToken.None);

        await app.InvokeAsync<RetrainFromQueueFunction>(f => f.RunAsync(QueueDeliveries.Delivery(message), CancellationToken.None));
        var finished = await app.Registry.GetRunAsync(ModelName.Parse(ModelName.Default), RunId.Parse(request.RunId), CancellationToken.None);
        var pointer = await app.Registry.GetPointerAsync(ModelName.Parse(ModelName.Default), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(request.ModelName, Is.EqualTo(ModelName.Default));
            Assert.That(request.Trigger, Is.EqualTo(TrainingTriggers.Timer));
            Assert.That(queued?.Status, Is.EqualTo(RunStatus.Queued));
            Assert.That(queued?.Dataset, Is.EqualTo(FunctionsAppBuilder.Dataset));
            Assert.That(finished?.Status, Is.EqualTo(RunStatus.Succeeded), finished?.Reason);
            Assert.That(finished?.Trigger, Is.EqualTo(TrainingTriggers.Timer));
            Assert.That(finished?.Version, Is.EqualTo(1));
            Assert.That(finished?.Promoted, Is.True);
            Assert.That(finished?.Metrics?.ArchivedGbNextPeriod.RSquared, Is.GreaterThan(0.5));
            Assert.That(pointer?.Value.Version, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Run_WithoutADefaultDataset_QueuesNothing()
    {
        await using var app = await FunctionsApp.Create().WithoutDefaultDataset().StartAsync();

        await app.InvokeAsync<ScheduledRetrainFunction>(f => f.RunAsync(new TimerInfo(), CancellationToken.None));

        Assert.That(app.Queue.Count, Is.Zero);
    }
}
