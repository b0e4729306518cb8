using ArchiveForecast.Core.Features;

namespace ArchiveForecast.Core.Tests.Modeling;

[TestFixture]
[Category("Slow")]
public sealed class ForecastTrainerTests
{
    private static readonly TrainerKind[] Kinds = Enum.GetValues<TrainerKind>();

    private static (List<TrainingExample> Train, List<TrainingExample> Holdout) Split()
    {
        var rows = new SyntheticDataBuilder().WithRows(1_250).WithSeed(11).Build();
        return (rows.Take(1_000).ToList(), rows.Skip(1_000).ToList());
    }

    private static IReadOnlyList<ForecastPrediction> PredictWith(TrainedModel trained, IReadOnlyList<TrainingExample> rows)
    {
        using var model = ForecastModel.FromZip("trainer-test", 0, trained.ModelZip, null, TimeProvider.System);
        return model.PredictBatch(rows.Select(r => r.Input).ToList());
    }

    [TestCaseSource(nameof(Kinds))]
    public void Fit_OnSeededSyntheticData_ExplainsMostOfTheHoldoutVariance(TrainerKind kind)
    {
        var (train, holdout) = Split();

        var trained = ForecastTrainer.Fit(train, TrainerSettings.Default(kind), CancellationToken.None);
        var metrics = MetricsCalculator.Compute(holdout.Select(r => r.Targets).ToList(), PredictWith(trained, holdout));

        Assert.Multiple(() =>
        {
            Assert.That(trained.RowsUsed, Is.EqualTo(train.Count));
            Assert.That(trained.Settings, Is.EqualTo(TrainerSettings.Default(kind)));
            Assert.That(metrics.ArchivedGbNextPeriod.RSquared, Is.GreaterThan(0.8));
            Assert.That(metrics.SavingsGbNextPeriod.RSquared, Is.GreaterThan(0.8));
            Assert.That(new[]
            {
                metrics.ArchivedGbNextPeriod.Mae, metrics.ArchivedGbNextPeriod.Rmse,
                metrics.SavingsGbNextPeriod.Mae, metrics.SavingsGbNextPeriod.Rmse,
            }, Has.All.Matches<double>(double.IsFinite));
        });
    }

    [TestCaseSource(nameof(Kinds))]
    public void Fit_TwiceWithTheSameSeed_GivesTheSameModelZipBytes(TrainerKind kind)
    {
        var first = TrainedModels.Get(kind);

        var second = ForecastTrainer.Fit(TrainedModels.TrainingRows, TrainerSettings.Default(kind), CancellationToken.None);

        Assert.That(second.ModelZip.ToArray(), Is.EqualTo(first.ModelZip.ToArray()));
    }

    [Test]
    public void Fit_ForestWithAnotherSeed_GivesAnotherModel()
    {
        var (train, holdout) = Split();
        var settings = TrainerSettings.Default(TrainerKind.FastForest) with { NumberOfTrees = 20 };

        var first = PredictWith(ForecastTrainer.Fit(train, settings, CancellationToken.None), holdout);
        var second = PredictWith(ForecastTrainer.Fit(train, settings with { Seed = settings.Seed + 1 }, CancellationToken.None), holdout);

        Assert.That(first.Select(p => p.ArchivedGbNextPeriod), Is.Not.EqualTo(second.Select(p => p.ArchivedGbNextPeriod)));
    }

    [TestCaseSource(nameof(Kinds))]
    public void ModelZip_LoadedBack_PredictsExactlyAsTheFittedChain(TrainerKind kind)
    {
        var (train, holdout) = Split();
        var settings = TrainerSettings.Default(kind) with { NumberOfTrees = 30 };
        var (mlContext, fitted, _) = ForecastTrainer.FitTransformer(train, settings, CancellationToken.None);
        using var engine = mlContext.Model.CreatePredictionEngine<FeatureRow, ScoreRow>(fitted);

        var loaded = PredictWith(ForecastTrainer.Fit(train, settings, CancellationToken.None), holdout);

        for (int i = 0; i < holdout.Count; i++)
        {
            var score = engine.Predict(new FeatureRow { Features = FeatureBuilder.Build(holdout[i].Input) });
            Assert.Multiple(() =>
            {
                Assert.That(loaded[i].ArchivedGbNextPeriod, Is.EqualTo(Math.Max(0, score.ArchivedScore)), $"row {i}");
                Assert.That(loaded[i].SavingsGbNextPeriod, Is.EqualTo(Math.Max(0, score.SavingsScore)), $"row {i}");
            });
        }
    }

    [TestCaseSource(nameof(Kinds))]
    public void Fit_WhenTargetsSpanOrdersOfMagnitude_PredictsSmallAndLargeOnesToScale(TrainerKind kind)
    {
        // archived = 5 % of the size × coverage, for sources from 0.1 GB to 40 TB: a product, as real targets are.
        var random = new Random(5);
        var rows = new List<TrainingExample>(2_000);
        for (int i = 0; i < 2_000; i++)
        {
            var input = new ForecastInputBuilder()
                .WithTotalFiles((long)Math.Round(Math.Exp(random.NextDouble() * Math.Log(10_000)) * 500))
                .WithAvgFileSizeMb(Math.Round(0.2 + (random.NextDouble() * 7.8), 3))
                .WithArchiveFrequencyPerDay(Math.Round(0.25 + (random.NextDouble() * 23.75), 3))
                .Build();
            double archived = Math.Round(input.TotalFiles * input.AvgFileSizeMb / FeatureBuilder.MbPerGb * 0.05
                * (1 - Math.Exp(-input.ArchiveFrequencyPerDay / 4)), 4);
            rows.Add(new TrainingExample(input, new ForecastTargets(archived, Math.Round(archived * 0.3, 4)), $"source-{i}"));
        }

        var train = rows.Take(1_600).ToList();
        var holdout = rows.Skip(1_600).OrderBy(r => r.Targets.ArchivedGbNextPeriod).ToList();
        var predictions = PredictWith(ForecastTrainer.Fit(train, TrainerSettings.Default(kind), CancellationToken.None), holdout);
        var factors = holdout.Select((r, i) => Math.Abs(Math.Log(
            Math.Max(predictions[i].ArchivedGbNextPeriod, 1e-6) / Math.Max(r.Targets.ArchivedGbNextPeriod, 1e-6)))).ToList();
        int decile = holdout.Count / 10;

        Assert.Multiple(() =>
        {
            Assert.That(holdout[decile].Targets.ArchivedGbNextPeriod, Is.LessThan(holdout[^decile].Targets.ArchivedGbNextPeriod / 100));
            Assert.That(Median(factors.Take(decile)), Is.LessThan(Math.Log(1.5)), "smallest tenth: median factor off the truth");
            Assert.That(Median(factors.TakeLast(decile)), Is.LessThan(Math.Log(1.5)), "largest tenth: median factor off the truth");
        });
    }

    [Test]
    public void Fit_WhenNoRows_Throws()
    {
        Assert.That(
            () => ForecastTrainer.Fit([], TrainerSettings.Default(TrainerKind.FastTree), CancellationToken.None),
            Throws.ArgumentException.With.Message.Contains("at least one row"));
    }

    [Test]
    public void Fit_WhenSettingsInvalid_ThrowsNamingTheParameter()
    {
        var settings = TrainerSettings.Default(TrainerKind.FastTree) with { NumberOfTrees = 0 };

        Assert.That(
            () => ForecastTrainer.Fit(TrainedModels.TrainingRows, settings, CancellationToken.None),
            Throws.ArgumentException.With.Message.Contains("number_of_trees"));
    }

    [Test]
    public void Fit_WhenCancelled_ThrowsOperationCanceled()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.That(
            () => ForecastTrainer.Fit(TrainedModels.TrainingRows, TrainerSettings.Default(TrainerKind.LightGbm), cancellation.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }
}
