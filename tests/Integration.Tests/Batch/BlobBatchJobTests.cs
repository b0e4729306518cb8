using ArchiveForecast.Training.Batch;
using ArchiveForecast.Training.Pipeline;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Integration.Tests.Batch;

/// <summary>
/// Batch jobs on Azurite blobs as the app composes them: the dataset read from the training-data container, the output
/// staged as uncommitted blocks and made visible by one block-list commit, the summary beside it.
/// </summary>
[Category("Integration")]
public sealed class BlobBatchJobTests
{
    private const string Dataset = "plant-07/2026-11.csv";

    private static AzuriteInstance Azurite => SharedAzurite.Instance;

    [Test]
    public async Task Job_ScoresEveryRowIntoThePredictionsContainerWithItsSummary()
    {
        await using var world = BlobWorld.Create(Azurite, TimeSpan.Zero);
        await world.TrainAsync(seed: 3);
        await world.UploadDatasetAsync(Dataset, rows: 500, seed: 4);

        var record = await world.Services.GetRequiredService<BatchJobRunner>().RunAsync(
            new BatchRequest(RunId.Parse("20261130T000000Z-0000bb01"), ModelName.Parse(ModelName.Default), DatasetPath.Parse(Dataset), null, TrainingTriggers.Http), CancellationToken.None);

        var csv = (await world.AdminPredictions.GetBlobClient($"{ModelName.Default}/20261130T000000Z-0000bb01.csv").DownloadContentAsync()).Value;
        var lines = csv.Content.ToString().TrimEnd('\n').Split('\n');
        var input = (await new Azure.Storage.Blobs.BlobContainerClient(Azurite.ConnectionString, world.DataContainer).GetBlobClient(Dataset).DownloadContentAsync()).Value
            .Content.ToString().TrimEnd('\n').Split('\n');
        bool summary = (await world.AdminPredictions.GetBlobClient($"{ModelName.Default}/20261130T000000Z-0000bb01.summary.json").ExistsAsync()).Value;
        Assert.Multiple(() =>
        {
            Assert.That(record.Status, Is.EqualTo(RunStatus.Succeeded), record.Reason);
            Assert.That(record.Version, Is.EqualTo(1));
            Assert.That(csv.Details.ContentType, Does.StartWith("text/csv"));
            Assert.That(lines.Skip(1).Select(l => l.Split(',')[0]), Is.EqualTo(input.Skip(1).Select(l => l.Split(',')[0])), "ids carried, in order");
            Assert.That(summary, Is.True);
        });
    }

    [Test]
    public async Task Job_InterruptedAfterStagingBlocks_ShowsNothingThenOneCompleteOutputWhenRetried()
    {
        await using var world = BlobWorld.Create(Azurite, TimeSpan.Zero);
        await world.TrainAsync(seed: 5);
        await world.UploadDatasetAsync(Dataset, rows: 60_000, seed: 6);
        var services = world.Services;
        var request = new BatchRequest(RunId.Parse("20261130T000000Z-0000bb02"), ModelName.Parse(ModelName.Default), DatasetPath.Parse(Dataset), null, TrainingTriggers.Http);
        var broken = new BatchJobRunner(
            world.Registry,
            new BreakingSource(services.GetRequiredService<ITrainingDataSource>(), failAfterBytes: 3_000_000),
            services.GetRequiredService<IPredictionStore>(),
            services.GetRequiredService<IOptions<PredictionsOptions>>(),
            TimeProvider.System,
            NullLogger<BatchJobRunner>.Instance);
        var blob = world.AdminPredictions.GetBlockBlobClient($"{ModelName.Default}/{request.RunId}.csv");

        await Assert.ThrowsAsync<IOException>(() => broken.RunAsync(request, CancellationToken.None));
        bool visibleAfterCrash = (await blob.ExistsAsync()).Value;
        var staged = (await blob.GetBlockListAsync(BlockListTypes.Uncommitted)).Value.UncommittedBlocks.Count();
        var record = await services.GetRequiredService<BatchJobRunner>().RunAsync(request, CancellationToken.None);
        var blocks = (await blob.GetBlockListAsync(BlockListTypes.All)).Value;
        var content = (await blob.DownloadContentAsync()).Value.Content.ToString();

        Assert.Multiple(() =>
        {
            Assert.That(staged, Is.GreaterThan(0), "the crashed attempt had staged blocks");
            Assert.That(visibleAfterCrash, Is.False, "staged blocks are not an output");
            Assert.That(record.Status, Is.EqualTo(RunStatus.Succeeded), record.Reason);
            Assert.That(content.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(60_001));
            Assert.That(blocks.UncommittedBlocks, Is.Empty, "the crashed attempt's blocks are gone with the commit");
        });
    }

    /// <summary>A data source whose streams break part-way, as a worker killed mid-job or a dropped connection would.</summary>
    private sealed class BreakingSource(ITrainingDataSource inner, long failAfterBytes) : ITrainingDataSource
    {
        public string Location => inner.Location;

        public async Task<Stream> OpenAsync(DatasetPath dataset, CancellationToken cancellationToken) =>
            new BreakingStream(await inner.OpenAsync(dataset, cancellationToken), failAfterBytes);
    }

    private sealed class BreakingStream(Stream inner, long failAfter) : Stream
    {
        private long read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (read >= failAfter)
            {
                throw new IOException("The connection was reset.");
            }

            int n = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, failAfter - read)], cancellationToken);
            read += n;
            return n;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
