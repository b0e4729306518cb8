using System.Text;
using ArchiveForecast.Core.Features;
using ArchiveForecast.Core.Inference;
using ArchiveForecast.Training.Pipeline;

namespace ArchiveForecast.Training.Tests.Jobs;

[TestFixture]
[Category("Slow")]
public sealed class TrainingRunnerTests
{
    private TrainingHarness harness = null!;

    [SetUp]
    public void SetUp() => harness = new TrainingHarness();

    [TearDown]
    public void TearDown() => harness.Dispose();

    [Test]
    public async Task Run_FirstTraining_PublishesVersion1AndPromotesIt()
    {
        var result = await harness.TrainAsync(TrainingHarness.Csv());

        var record = await harness.Registry.GetRunAsync(TrainingHarness.Name, RunId.Parse(result.Run.RunId), CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(result.Failure, Is.EqualTo(TrainingFailure.None));
            Assert.That(result.Run.Status, Is.EqualTo(RunStatus.Succeeded));
            Assert.That(result.Run.Version, Is.EqualTo(1));
            Assert.That(result.Promoted, Is.True);
            Assert.That(result.Run.Reason, Does.Contain("no version is served yet"));
            Assert.That(result.Run.ServingMetrics, Is.Null);
            Assert.That(result.Run.RowsRead, Is.EqualTo(600));
            Assert.That(result.Run.Metrics!.ArchivedGbNextPeriod.RSquared, Is.GreaterThan(0.6));
            Assert.That(result.Run.Metrics.SavingsGbNextPeriod.RSquared, Is.GreaterThan(0.6));
            Assert.That(record, Is.EqualTo(result.Run).Using<Core.Registry.RunRecord>(SameRecord));
        });
        Assert.That(await harness.ServedVersionAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task Run_RecordsCalibratedRangesInTheCard_GroupedByTheConfiguredSourceColumn()
    {
        harness.Options.GroupColumn = "plant";
        // The generator's source_id column, renamed: only the configured column makes rows of one plant a group.
        string text = TrainingHarness.CsvText();
        var renamed = TrainingHarness.Bytes("plant" + text["source_id".Length..], "plants.csv");

        var result = await harness.TrainAsync(renamed);

        var intervals = result.Card!.Intervals!;
        Assert.Multiple(() =>
        {
            Assert.That(intervals.Grouping, Is.EqualTo("plant"));
            Assert.That(intervals.Groups, Is.EqualTo(17), "600 generated rows come from 17 sources");
            Assert.That(intervals.Levels.Select(l => l.Level), Is.EqualTo(new[] { 0.5, 0.8, 0.9, 0.95 }));
            Assert.That(intervals.Levels.Select(l => l.Holdout), Is.All.Not.Null, "coverage and width on the holdout are recorded");
        });
    }

    [Test]
    public async Task Run_PublishedVersion_HasAFullModelCardThatLoadsAndPassesItsCanaries()
    {
        string csv = TrainingHarness.CsvText(edit: (i, line) => i == 7 ? line.Replace(",2", ",x2", StringComparison.Ordinal) : line);

        var result = await harness.TrainAsync(TrainingHarness.Bytes(csv, "data.csv"));

        var verified = await harness.Registry.LoadVersionAsync(TrainingHarness.Name, 1, CancellationToken.None);
        var card = verified.Card;
        var accepted = (await CsvTrainingDataReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), null, CancellationToken.None)).Accepted;
        Assert.Multiple(() =>
        {
            Assert.That(card.RunId, Is.EqualTo(result.Run.RunId));
            Assert.That(card.Trainer, Is.EqualTo("lightgbm"));
            Assert.That(card.Parameters, Does.ContainKey("number_of_trees").WithValue("60"));
            Assert.That(card.FeatureVersion, Is.EqualTo(FeatureSchema.Version));
            Assert.That(card.FeatureNames, Is.EqualTo(FeatureSchema.Names));
            Assert.That(card.Data.Source, Is.EqualTo("data.csv"));
            Assert.That(card.Data.RowsRead, Is.EqualTo(600));
            Assert.That(card.Data.RowsRejected, Is.EqualTo(1));
            Assert.That(card.Data.RowsTrain + card.Data.RowsHoldout, Is.EqualTo(599));
            Assert.That(card.Data.RowsHoldout, Is.EqualTo(120));
            Assert.That(card.Data.Sha256, Is.EqualTo(TrainingDataFingerprint.Compute(accepted)));
            Assert.That(card.Timings.TrainMs, Is.GreaterThan(0));
            Assert.That(card.Canaries, Is.Not.Empty);
            Assert.That(verified.Quantiles.Features.Keys, Is.EquivalentTo(Core.Schema.FieldNames.NumericInputs));
            Assert.That(result.Run.Rejections, Has.Count.EqualTo(1));
            Assert.That(result.Run.Rejections![0], Does.StartWith("line 8:"));
        });
        using var loaded = ForecastModel.Load(verified, TimeProvider.System);
        Assert.That(loaded.Version, Is.EqualTo(1));
    }

    [Test]
    public async Task Run_SameDataTwice_GivesTheSameFingerprintAndMetrics()
    {
        var first = await harness.TrainAsync(TrainingHarness.Csv());
        var second = await harness.TrainAsync(TrainingHarness.Csv());

        Assert.Multiple(() =>
        {
            Assert.That(second.Card!.Data.Sha256, Is.EqualTo(first.Card!.Data.Sha256));
            Assert.That(second.Run.Metrics, Is.EqualTo(first.Run.Metrics));
            Assert.That(second.Promoted, Is.True, "an equal candidate is within the tolerance");
            Assert.That(second.Run.ServingVersion, Is.EqualTo(1));
            Assert.That(second.Run.ServingMetrics, Is.EqualTo(first.Run.Metrics), "the serving version is scored on the same holdout");
        });
    }

    [Test]
    public async Task Run_WorseCandidate_StaysACandidateWithTheGateReason()
    {
        await harness.TrainAsync(TrainingHarness.Csv());

        var result = await harness.TrainAsync(TrainingHarness.Csv(), TrainingHarness.Weak);

        var versions = await harness.VersionsAsync();
        Assert.Multiple(() =>
        {
            Assert.That(result.Run.Status, Is.EqualTo(RunStatus.Succeeded));
            Assert.That(result.Run.Version, Is.EqualTo(2));
            Assert.That(result.Promoted, Is.False);
            Assert.That(result.Gate!.Passed, Is.False);
            Assert.That(result.Run.Reason, Does.Contain("kept as a candidate by the gate").And.Contain("MAE").And.Contain("serving version 1"));
            Assert.That(result.Run.ServingMetrics, Is.Not.Null);
            Assert.That(versions.Single(v => v.Version == 2).Status, Is.EqualTo(VersionStatus.Candidate));
        });
        Assert.That(await harness.ServedVersionAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task Run_PromoteNever_KeepsEvenAPassingCandidate()
    {
        var result = await harness.TrainAsync(TrainingHarness.Csv(), promote: PromotePolicy.Never);

        Assert.Multiple(() =>
        {
            Assert.That(result.Run.Status, Is.EqualTo(RunStatus.Succeeded));
            Assert.That(result.Gate!.Passed, Is.True);
            Assert.That(result.Promoted, Is.False);
            Assert.That(result.Run.Reason, Does.Contain("promote policy: never"));
        });
        Assert.That(await harness.ServedVersionAsync(), Is.Null);
    }

    [Test]
    public async Task Run_PromoteForce_PromotesAWorseCandidate()
    {
        await harness.TrainAsync(TrainingHarness.Csv());

        var result = await harness.TrainAsync(TrainingHarness.Csv(), TrainingHarness.Weak, PromotePolicy.Force);

        Assert.Multiple(() =>
        {
            Assert.That(result.Gate!.Passed, Is.False);
            Assert.That(result.Promoted, Is.True);
            Assert.That(result.Run.Reason, Does.Contain("promoted by force"));
        });
        Assert.That(await harness.ServedVersionAsync(), Is.EqualTo(2));
    }

    [Test]
    public async Task Run_PointerChangedDuringTraining_KeepsTheCandidateAndSaysWhy()
    {
        await harness.TrainAsync(TrainingHarness.Csv());
        await harness.TrainAsync(TrainingHarness.Csv(), promote: PromotePolicy.Never);
        var runner = harness.Runner();
        bool promotedMeanwhile = false;
        var progress = new SyncProgress(p =>
        {
            if (p.Stage == TrainingStage.Fitting && !promotedMeanwhile)
            {
                promotedMeanwhile = true;
                harness.Registry.PromoteAsync(TrainingHarness.Name, 2, null, "someone", "meanwhile", CancellationToken.None).GetAwaiter().GetResult();
            }
        });

        var result = await runner.RunAsync(TrainingHarness.Request(TrainingHarness.Csv()), progress, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Run.Status, Is.EqualTo(RunStatus.Succeeded));
            Assert.That(result.Gate!.Passed, Is.True);
            Assert.That(result.Promoted, Is.False);
            Assert.That(result.Run.Reason, Does.Contain("pointer changed during training"));
        });
        Assert.That(await harness.ServedVersionAsync(), Is.EqualTo(2));
    }

    [Test]
    public async Task Run_TooManyRejectedRows_FailsWithTheFirstLinesAndPublishesNothing()
    {
        var data = TrainingHarness.Csv(edit: (i, line) => i % 5 == 0 ? line.Replace("2", "-2", StringComparison.Ordinal) + ",extra" : line);

        var result = await harness.TrainAsync(data);

        Assert.Multiple(() =>
        {
            Assert.That(result.Failure, Is.EqualTo(TrainingFailure.InvalidData));
            Assert.That(result.Run.Status, Is.EqualTo(RunStatus.Failed));
            Assert.That(result.Run.Reason, Does.Contain("120 of 600 rows were rejected").And.Contain("line 6:").And.Contain("line 11:"));
            Assert.That(result.Run.RowsRejected, Is.EqualTo(120));
            Assert.That(result.Run.Version, Is.Null);
        });
        Assert.That(await harness.VersionsAsync(), Is.Empty);
    }

    [Test]
    public async Task Run_RejectedShareWithinTheLimit_Trains()
    {
        harness.Options.MaxRejectRatio = 0.25;
        var data = TrainingHarness.Csv(edit: (i, line) => i % 5 == 0 ? "broken" : line);

        var result = await harness.TrainAsync(data);

        Assert.Multiple(() =>
        {
            Assert.That(result.Run.Status, Is.EqualTo(RunStatus.Succeeded));
            Assert.That(result.Card!.Data.RowsRejected, Is.EqualTo(120));
        });
    }

    [Test]
    public async Task Run_FileWithoutTheTargets_FailsNamingTheMissingColumns()
    {
        var data = TrainingHarness.Bytes("month,total_files\n2024-01-01,3\n", "bad.csv");

        var result = await harness.TrainAsync(data);

        Assert.Multiple(() =>
        {
            Assert.That(result.Failure, Is.EqualTo(TrainingFailure.InvalidData));
            Assert.That(result.Run.Reason, Does.Contain("archived_gb_next_period"));
        });
        Assert.That(await harness.VersionsAsync(), Is.Empty);
    }

    [Test]
    public async Task Run_TooFewRows_Fails()
    {
        var result = await harness.TrainAsync(TrainingHarness.Csv(rows: 20));

        Assert.Multiple(() =>
        {
            Assert.That(result.Failure, Is.EqualTo(TrainingFailure.InvalidData));
            Assert.That(result.Run.Reason, Does.Contain("only 20 rows were accepted"));
        });
    }

    [Test]
    public async Task Run_LockHeld_FailsWithoutTraining()
    {
        harness.Options.LockWaitTimeout = TimeSpan.Zero;
        await using var held = await harness.Registry.TryAcquireTrainingLockAsync(TrainingHarness.Name, CancellationToken.None);

        var result = await harness.TrainAsync(TrainingHarness.Csv());

        var record = await harness.Registry.GetRunAsync(TrainingHarness.Name, RunId.Parse(result.Run.RunId), CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(held, Is.Not.Null);
            Assert.That(result.Failure, Is.EqualTo(TrainingFailure.Busy));
            Assert.That(record!.Status, Is.EqualTo(RunStatus.Failed));
            Assert.That(record.Reason, Is.EqualTo("another training of archive-forecast is running"));
        });
        Assert.That(await harness.VersionsAsync(), Is.Empty);
    }

    [Test]
    public async Task Run_StreamBreaksHalfway_FailsAndServesNothingNew()
    {
        await harness.TrainAsync(TrainingHarness.Csv());
        byte[] csv = Encoding.UTF8.GetBytes(TrainingHarness.CsvText(seed: 2));
        var data = TrainingDataInput.FromStream("remote.csv", _ => Task.FromResult<Stream>(new ThrowingStream(new MemoryStream(csv), csv.Length / 2)));

        var result = await harness.TrainAsync(data, promote: PromotePolicy.Force);

        Assert.Multiple(() =>
        {
            Assert.That(result.Failure, Is.EqualTo(TrainingFailure.Error));
            Assert.That(result.Run.Status, Is.EqualTo(RunStatus.Failed));
            Assert.That(result.Run.Reason, Does.Contain("IOException"));
            Assert.That(result.Run.Version, Is.Null);
        });
        Assert.That(await harness.VersionsAsync(), Has.Count.EqualTo(1));
        Assert.That(await harness.ServedVersionAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task Run_CorruptServingVersion_DoesNotBlockTheCandidate()
    {
        await harness.TrainAsync(TrainingHarness.Csv());
        await File.WriteAllTextAsync(Path.Combine(harness.Root, TrainingHarness.Model, "versions", "1", "model.zip"), "not a zip");

        var result = await harness.TrainAsync(TrainingHarness.Csv(), TrainingHarness.Weak);

        Assert.Multiple(() =>
        {
            Assert.That(result.Promoted, Is.True);
            Assert.That(result.Run.Reason, Does.Contain("serving version 1 could not be evaluated"));
        });
    }

    [TestCase(TrainingStage.Reading, "reading")]
    [TestCase(TrainingStage.Fitting, "fitting")]
    [TestCase(TrainingStage.Evaluating, "evaluating")]
    public async Task Run_CancelledAtAStage_RecordsCancelledWithTheStageReleasesTheLockAndThrows(TrainingStage stage, string expectedStage)
    {
        using var cancellation = new CancellationTokenSource();
        var progress = new SyncProgress(p =>
        {
            if (p.Stage == stage)
            {
                cancellation.Cancel();
            }
        });
        var request = TrainingHarness.Request(TrainingHarness.Csv());

        var thrown = await Assert.CatchAsync<OperationCanceledException>(() => harness.Runner().RunAsync(request, progress, cancellation.Token));

        var runs = Directory.GetFiles(Path.Combine(harness.Root, TrainingHarness.Model, "runs"), "*.json");
        var record = await harness.Registry.GetRunAsync(TrainingHarness.Name, RunId.Parse(Path.GetFileNameWithoutExtension(runs.Single())), CancellationToken.None);
        var versions = await harness.VersionsAsync();
        await using var relock = await harness.Registry.TryAcquireTrainingLockAsync(TrainingHarness.Name, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(record!.Status, Is.EqualTo(RunStatus.Cancelled));
            Assert.That(record.Stage, Is.EqualTo(expectedStage));
            Assert.That(record.Reason, Does.Contain("cancelled while " + expectedStage));
            Assert.That(thrown, Is.InstanceOf<TrainingCancelledException>().With.Property(nameof(TrainingCancelledException.Run)).EqualTo(record));
            Assert.That(relock, Is.Not.Null, "the training lock was released");
            Assert.That(versions, Is.Empty);
        });
    }

    [Test]
    public async Task Run_CancelledOncePublishingBegan_FinishesTheCommitInsteadOfLeavingAPartialVersion()
    {
        using var cancellation = new CancellationTokenSource();
        var progress = new SyncProgress(p =>
        {
            if (p.Stage == TrainingStage.Publishing)
            {
                cancellation.Cancel();
            }
        });
        var request = TrainingHarness.Request(TrainingHarness.Csv());

        var result = await harness.Runner().RunAsync(request, progress, cancellation.Token);

        var versions = await harness.VersionsAsync();
        Assert.Multiple(() =>
        {
            Assert.That(result.Run.Status, Is.EqualTo(RunStatus.Succeeded));
            Assert.That(versions, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Run_ReportsEveryStageInOrder()
    {
        var stages = new List<TrainingStage>();

        await harness.Runner().RunAsync(TrainingHarness.Request(TrainingHarness.Csv()), new SyncProgress(p => stages.Add(p.Stage)), CancellationToken.None);

        Assert.That(stages.Distinct(), Is.EqualTo(new[]
        {
            TrainingStage.Starting, TrainingStage.Reading, TrainingStage.Fitting, TrainingStage.Evaluating,
            TrainingStage.Publishing, TrainingStage.Promoting, TrainingStage.Finished,
        }));
    }

    private static bool SameRecord(Core.Registry.RunRecord a, Core.Registry.RunRecord b) =>
        a.RunId == b.RunId && a.Status == b.Status && a.Version == b.Version && a.Promoted == b.Promoted && a.Reason == b.Reason;

    private sealed class SyncProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
