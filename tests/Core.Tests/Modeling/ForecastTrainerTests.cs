using ArchiveForecast.Core.Features;
using ArchiveForecast.Core.Inference;
using ArchiveForecast.Core.Modeling;
using ArchiveForecast.Core.Schema;
using ArchiveForecast.Core.Tests.TestData;

namespace ArchiveForecast.Core.Tests.Modeling;

[TestFixture]
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
}
