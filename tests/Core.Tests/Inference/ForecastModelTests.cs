using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Features;
using Microsoft.ML;

namespace ArchiveForecast.Core.Tests.Inference;

[TestFixture]
[Category("Slow")]
public sealed class ForecastModelTests
{
    private static readonly TrainerKind[] Kinds = Enum.GetValues<TrainerKind>();

    private static readonly string[] SizeFeatures =
        ["total_files", "avg_file_size_mb", "total_size_gb", "pdf_gb", "docx_gb", "xlsx_gb", "other_gb"];

    private static ForecastModel Candidate(TrainerKind kind = TrainerKind.FastTree, FeatureQuantiles? quantiles = null) =>
        ForecastModel.FromZip("archive-forecast", 0, TrainedModels.Get(kind).ModelZip, quantiles, TimeProvider.System);

    private static List<ForecastInput> Inputs(int count, int seed = 3) =>
        new SyntheticDataBuilder().WithRows(count).WithSeed(seed).Build().Select(r => r.Input).ToList();

    private static ForecastModel ScoringWith(Func<float[], (float Archived, float Savings)> score, ModelCard? card = null)
    {
        var mlContext = new MLContext(seed: 0);
        var transformer = mlContext.Transforms
            .CustomMapping<FeatureRow, ScoreRow>((row, output) => (output.ArchivedScore, output.SavingsScore) = score(row.Features), contractName: null)
            .Fit(mlContext.Data.LoadFromEnumerable(Array.Empty<FeatureRow>()));
        return ForecastModel.FromTransformer("archive-forecast", 9, mlContext, transformer, card, null, null, TimeProvider.System);
    }

    [TestCaseSource(nameof(Kinds))]
    public void Load_WhenCanariesReproduce_ServesTheVersion(TrainerKind kind)
    {
        var version = new VerifiedVersionBuilder().WithTrainer(kind).WithModel("archive-forecast", 4).Build();

        using var model = ForecastModel.Load(version, new FakeTimeProvider(TestClock.Start));

        Assert.Multiple(() =>
        {
            Assert.That(model.Name, Is.EqualTo("archive-forecast"));
            Assert.That(model.Version, Is.EqualTo(4));
            Assert.That(model.Card, Is.SameAs(version.Card));
            Assert.That(model.Manifest, Is.SameAs(version.Manifest));
            Assert.That(model.Quantiles, Is.SameAs(version.Quantiles));
            Assert.That(model.LoadedAt, Is.EqualTo(TestClock.Start));
        });
    }

    [Test]
    public void Load_WhenExpectedValuesDifferByFloatNoiseOnly_StillPasses()
    {
        var version = new VerifiedVersionBuilder()
            .WithCanaryExpected(0, t => new ForecastTargets(t.ArchivedGbNextPeriod * (1 + 1e-6), t.SavingsGbNextPeriod * (1 - 1e-6)))
            .Build();

        Assert.That(() => ForecastModel.Load(version, TimeProvider.System).Dispose(), Throws.Nothing);
    }

    [Test]
    public void Load_WhenACanaryExpectationIsAltered_RefusesNamingModelVersionAndTarget()
    {
        var version = new VerifiedVersionBuilder()
            .WithModel("archive-forecast", 7)
            .WithCanaryExpected(2, t => t with { SavingsGbNextPeriod = (t.SavingsGbNextPeriod * 1.01) + 0.5 })
            .Build();

        Assert.That(
            () => ForecastModel.Load(version, TimeProvider.System),
            Throws.InstanceOf<ModelSelfCheckException>()
                .With.Message.Contains("'archive-forecast' version 7")
                .And.Message.Contains("canary 3 of 5")
                .And.Message.Contains(FieldNames.SavingsGbNextPeriod)
                .And.Message.Not.Contains(FieldNames.ArchivedGbNextPeriod));
    }

    [Test]
    public void Load_WhenCanaryExpectsNaN_Refuses()
    {
        var version = new VerifiedVersionBuilder()
            .WithCanaryExpected(0, t => t with { ArchivedGbNextPeriod = double.NaN })
            .Build();

        Assert.That(() => ForecastModel.Load(version, TimeProvider.System), Throws.InstanceOf<ModelSelfCheckException>());
    }

    [Test]
    public void Load_WhenFeatureVersionDiffers_RefusesNamingBothVersions()
    {
        var version = new VerifiedVersionBuilder().WithCard(card => card with { FeatureVersion = "features-v0" }).Build();

        Assert.That(
            () => ForecastModel.Load(version, TimeProvider.System),
            Throws.InstanceOf<ModelSelfCheckException>().With.Message.Contains("features-v0").And.Message.Contains(FeatureSchema.Version));
    }

    [Test]
    public void Load_WhenCardBelongsToAnotherModel_Refuses()
    {
        var version = new VerifiedVersionBuilder().WithCard(card => card with { ModelName = "other-model" }).Build();

        Assert.That(
            () => ForecastModel.Load(version, TimeProvider.System),
            Throws.InstanceOf<ModelSelfCheckException>().With.Message.Contains("other-model"));
    }

    [Test]
    public void Load_WhenFeatureNamesDiffer_Refuses()
    {
        var version = new VerifiedVersionBuilder()
            .WithCard(card => card with { FeatureNames = card.FeatureNames.Reverse().ToList() })
            .Build();

        Assert.That(() => ForecastModel.Load(version, TimeProvider.System), Throws.InstanceOf<ModelSelfCheckException>());
    }

    [Test]
    public void Load_WhenCardHasNoCanaries_Refuses()
    {
        var version = new VerifiedVersionBuilder().WithCard(card => card with { Canaries = [] }).Build();

        Assert.That(
            () => ForecastModel.Load(version, TimeProvider.System),
            Throws.InstanceOf<ModelSelfCheckException>().With.Message.Contains("no canary rows"));
    }

    [Test]
    public void CheckCanaries_WhenModelPredictsNaN_RefusesAsSelfCheckFailure()
    {
        var canaries = new[] { new CanaryRow(CanaryInput.From(new ForecastInputBuilder().Build()), new ForecastTargets(1, 1)) };
        using var model = ScoringWith(_ => (float.NaN, 1));

        Assert.That(
            () => ModelSelfCheck.CheckCanaries(model, canaries),
            Throws.InstanceOf<ModelSelfCheckException>().With.Message.Contains("non-finite"));
    }

    [Test]
    public void FromZip_WhenBytesAreNotAModel_ThrowsInvalidData()
    {
        byte[] notAZip = "not a model"u8.ToArray();

        Assert.That(
            () => ForecastModel.FromZip("archive-forecast", 2, notAZip, null, TimeProvider.System),
            Throws.InstanceOf<InvalidDataException>().With.Message.Contains("'archive-forecast' version 2"));
    }

    [Test]
    public void FromZip_WhenModelZipTruncated_ThrowsInvalidData()
    {
        var zip = TrainedModels.Get(TrainerKind.FastTree).ModelZip;

        Assert.That(
            () => ForecastModel.FromZip("archive-forecast", 2, zip[..(zip.Length / 2)], null, TimeProvider.System),
            Throws.InstanceOf<InvalidDataException>());
    }

    [Test]
    public void FromZip_WhenModelLacksTheTargets_ThrowsInvalidData()
    {
        var mlContext = new MLContext(seed: 0);
        var schema = mlContext.Data.LoadFromEnumerable(Array.Empty<FeatureRow>());
        var onlyCopy = mlContext.Transforms.CopyColumns("Other", ModelColumns.Features).Fit(schema);
        using var stream = new MemoryStream();
        mlContext.Model.Save(onlyCopy, schema.Schema, stream);

        Assert.That(
            () => ForecastModel.FromZip("archive-forecast", 2, stream.ToArray(), null, TimeProvider.System),
            Throws.InstanceOf<InvalidDataException>().With.Message.Contains("both forecast targets"));
    }

    [Test]
    public void Predict_WhenModelGivesNaN_ThrowsInsteadOfReturningANumber()
    {
        using var model = ScoringWith(_ => (1, float.NaN));

        Assert.That(
            () => model.Predict(new ForecastInputBuilder().Build()),
            Throws.InstanceOf<NonFinitePredictionException>().With.Message.Contains(FieldNames.SavingsGbNextPeriod));
    }

    [Test]
    public void PredictBatch_WhenOneRowGivesInfinity_ThrowsNonFinite()
    {
        var inputs = Inputs(1_000);
        inputs[777] = new ForecastInputBuilder().WithTotalFiles(13).Build();
        using var model = ScoringWith(f => (f[2] == 13 ? float.PositiveInfinity : 1, 1));

        Assert.That(() => model.PredictBatch(inputs), Throws.InstanceOf<NonFinitePredictionException>());
    }

    [Test]
    public void Predict_WhenModelScoresBelowZero_ReturnsZero()
    {
        using var model = ScoringWith(_ => (-3.5f, 2));

        var prediction = model.Predict(new ForecastInputBuilder().Build());

        Assert.Multiple(() =>
        {
            Assert.That(prediction.ArchivedGbNextPeriod, Is.Zero);
            Assert.That(prediction.SavingsGbNextPeriod, Is.EqualTo(2));
        });
    }

    [Test]
    public void Predict_WhenTrainedOnNegativeLabels_ForecastsZeroToTheDataResolution()
    {
        // Negative labels are fitted as 0 GB (the log of a negative amount does not exist); the boosted trees then score
        // the log of the offset, which maps back to 0 within float rounding, far below the 0.0001 GB the data resolves.
        var rows = new SyntheticDataBuilder().WithRows(300).WithArchivedOffset(-1_000).Build();
        var settings = TrainerSettings.Default(TrainerKind.FastTree);
        using var model = ForecastModel.FromZip("negative", 0, ForecastTrainer.Fit(rows, settings, CancellationToken.None).ModelZip, null, TimeProvider.System);

        var predictions = model.PredictBatch(rows.Take(20).Select(r => r.Input).ToList());

        Assert.That(predictions.Select(p => p.ArchivedGbNextPeriod), Is.All.InRange(0.0, 1e-5));
    }

    [Test]
    public void Predict_WhenInputIsTypical_FlagsNothing()
    {
        using var model = Candidate(quantiles: TrainedModels.Quantiles);
        var median = TrainedModels.Quantiles.Features;
        var input = new ForecastInput(
            new DateOnly(2024, 6, 1), (long)median[FieldNames.TotalFiles].P50, median[FieldNames.AvgFileSizeMb].P50,
            median[FieldNames.PctPdf].P50, median[FieldNames.PctDocx].P50, median[FieldNames.PctXlsx].P50,
            median[FieldNames.ArchiveFrequencyPerDay].P50);

        Assert.That(model.Predict(input).OutOfRange, Is.Empty);
    }

    [Test]
    public void Predict_WhenFieldsOutsideP01ToP99_FlagsThemInContractOrder()
    {
        using var model = Candidate(quantiles: TrainedModels.Quantiles);
        var input = new ForecastInputBuilder()
            .WithArchiveFrequencyPerDay(1_000)
            .WithTotalFiles(50_000_000)
            .WithShares(0.3, 0.3, 0.2)
            .Build();

        var prediction = model.Predict(input);

        Assert.That(prediction.OutOfRange, Is.EqualTo(new[] { FieldNames.TotalFiles, FieldNames.ArchiveFrequencyPerDay }));
    }

    [Test]
    public void Predict_WhenValueEqualsTheBound_DoesNotFlag()
    {
        var quantiles = new FeatureQuantiles(new Dictionary<string, QuantileSet>
        {
            [FieldNames.TotalFiles] = new(100, 200, 300, 400, 500),
        });
        using var model = Candidate(quantiles: quantiles);

        Assert.Multiple(() =>
        {
            Assert.That(model.Predict(new ForecastInputBuilder().WithTotalFiles(100).Build()).OutOfRange, Is.Empty);
            Assert.That(model.Predict(new ForecastInputBuilder().WithTotalFiles(500).Build()).OutOfRange, Is.Empty);
            Assert.That(model.Predict(new ForecastInputBuilder().WithTotalFiles(99).Build()).OutOfRange, Is.EqualTo(new[] { FieldNames.TotalFiles }));
        });
    }

    [Test]
    public void Predict_WithoutQuantiles_FlagsNothing()
    {
        using var model = Candidate();

        var prediction = model.Predict(new ForecastInputBuilder().WithTotalFiles(50_000_000).Build());

        Assert.That(prediction.OutOfRange, Is.Empty);
    }

    [TestCase(10)]
    [TestCase(1_000)]
    public void PredictBatch_GivesTheSingleRowPredictionsInOrder(int count)
    {
        using var model = Candidate(TrainerKind.LightGbm, TrainedModels.Quantiles);
        var inputs = Inputs(count);

        var batch = model.PredictBatch(inputs);

        Assert.That(batch, Has.Count.EqualTo(count));
        for (int i = 0; i < count; i++)
        {
            var single = model.Predict(inputs[i]);
            Assert.Multiple(() =>
            {
                Assert.That(batch[i].ArchivedGbNextPeriod, Is.EqualTo(single.ArchivedGbNextPeriod), $"row {i}");
                Assert.That(batch[i].SavingsGbNextPeriod, Is.EqualTo(single.SavingsGbNextPeriod), $"row {i}");
                Assert.That(batch[i].OutOfRange, Is.EqualTo(single.OutOfRange), $"row {i}");
            });
        }
    }

    [Test]
    public void PredictBatch_WhenEmpty_ReturnsEmpty()
    {
        using var model = Candidate();

        Assert.That(model.PredictBatch([]), Is.Empty);
    }

    [Test]
    public async Task Predict_FromManyTasksAtOnce_GivesTheSequentialAnswers()
    {
        using var model = Candidate(TrainerKind.FastForest, TrainedModels.Quantiles);
        var inputs = Inputs(400);
        var expected = inputs.Select(model.Predict).ToArray();

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(worker => Task.Run(() =>
        {
            var mine = new ForecastPrediction[inputs.Count];
            for (int i = 0; i < inputs.Count; i++)
            {
                int index = (i + (worker * 37)) % inputs.Count;
                mine[index] = model.Predict(inputs[index]);
                if (i % 50 == 0)
                {
                    model.Explain(inputs[index]);
                }
            }

            return mine;
        })));

        foreach (var result in results)
        {
            Assert.That(
                result.Select(p => (p.ArchivedGbNextPeriod, p.SavingsGbNextPeriod)),
                Is.EqualTo(expected.Select(p => (p.ArchivedGbNextPeriod, p.SavingsGbNextPeriod))));
        }
    }

    [TestCaseSource(nameof(Kinds))]
    public void Explain_GivesAFiniteContributionOfEveryFeatureToBothTargets(TrainerKind kind)
    {
        using var model = Candidate(kind);

        var explanation = model.Explain(new ForecastInputBuilder().Build());

        Assert.Multiple(() =>
        {
            Assert.That(explanation.ArchivedGbNextPeriod.Keys, Is.EquivalentTo(FeatureSchema.Names));
            Assert.That(explanation.SavingsGbNextPeriod.Keys, Is.EquivalentTo(FeatureSchema.Names));
            Assert.That(explanation.ArchivedGbNextPeriod.Values, Has.All.Matches<double>(double.IsFinite));
            Assert.That(explanation.SavingsGbNextPeriod.Values, Has.All.Matches<double>(double.IsFinite));
            Assert.That(explanation.ArchivedGbNextPeriod.Values, Has.Some.Not.Zero);
        });
    }

    [TestCaseSource(nameof(Kinds))]
    public void Explain_WhenTheDataIsDrivenBySize_PutsASizeFeatureFirst(TrainerKind kind)
    {
        using var model = Candidate(kind);
        var large = new ForecastInputBuilder().WithTotalFiles(140_000).WithAvgFileSizeMb(4.5).Build();

        var explanation = model.Explain(large);

        string top = explanation.ArchivedGbNextPeriod.MaxBy(kv => Math.Abs(kv.Value)).Key;
        Assert.That(SizeFeatures, Does.Contain(top));
        Assert.That(explanation.ArchivedGbNextPeriod[top], Is.GreaterThan(0), "a large source pushes the forecast up");
    }

    [Test]
    public void Explain_WhenModelHasNoTreeRegressors_ThrowsInvalidOperation()
    {
        using var model = ScoringWith(_ => (1, 1));

        Assert.That(() => model.Explain(new ForecastInputBuilder().Build()), Throws.InvalidOperationException);
    }

    [Test]
    public void Dispose_ThenPredict_ThrowsObjectDisposed()
    {
        var model = Candidate();
        model.Explain(new ForecastInputBuilder().Build());

        model.Dispose();
        model.Dispose();

        Assert.Multiple(() =>
        {
            Assert.That(() => model.Predict(new ForecastInputBuilder().Build()), Throws.InstanceOf<ObjectDisposedException>());
            Assert.That(() => model.PredictBatch([new ForecastInputBuilder().Build()]), Throws.InstanceOf<ObjectDisposedException>());
            Assert.That(() => model.Explain(new ForecastInputBuilder().Build()), Throws.InstanceOf<ObjectDisposedException>());
        });
    }
}
