using ArchiveForecast.Core.Modeling;

namespace ArchiveForecast.Training.Tests.Modeling;

[TestFixture]
public sealed class TrainerComparisonTests
{
    [Test]
    public async Task CrossValidate_ScoresEachTrainerOnEveryFold()
    {
        var rows = SyntheticDataGenerator.Generate(300, 3, sources: 10).ToList();
        var folds = DataSplitter.KFold(rows, 3, 42);

        var result = await TrainerComparison.CrossValidateAsync(
            [TrainingHarness.Fast, TrainingHarness.Weak], folds, CrossValidationResult.RandomFolds, null, TimeProvider.System, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Folds, Is.EqualTo(3));
            Assert.That(result.Rows, Is.EqualTo(300));
            Assert.That(result.Trainers.Select(t => t.Settings), Is.EqualTo(new[] { TrainingHarness.Fast, TrainingHarness.Weak }));
            Assert.That(result.Trainers[0].ArchivedGbNextPeriod.Mae.Mean, Is.LessThan(result.Trainers[1].ArchivedGbNextPeriod.Mae.Mean));
            Assert.That(result.Trainers[0].SavingsGbNextPeriod.RSquared.Mean, Is.InRange(0.5, 1.0));
            Assert.That(result.Trainers[0].ArchivedGbNextPeriod.Mae.StandardDeviation, Is.GreaterThan(0));
        });
    }

    [Test]
    public void Summary_OfKnownValues_IsTheMeanAndSampleStandardDeviation()
    {
        var summary = MetricSummary.Of([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]);

        Assert.Multiple(() =>
        {
            Assert.That(summary.Mean, Is.EqualTo(5.0));
            Assert.That(summary.StandardDeviation, Is.EqualTo(Math.Sqrt(32.0 / 7)).Within(1e-12));
        });
    }

    [Test]
    public void Summary_OfOneValue_HasNoSpread() =>
        Assert.That(MetricSummary.Of([3.0]), Is.EqualTo(new MetricSummary(3.0, 0)));

    [Test]
    public void Settings_FromOptions_LayOverridesOnTheTunedDefaults()
    {
        var options = new Configuration.TrainingOptions { NumberOfTrees = 7, LearningRate = 0.3, Seed = 9 };

        var forest = options.ToTrainerSettings(TrainerKind.FastForest);
        var boosted = options.ToTrainerSettings(TrainerKind.LightGbm);

        Assert.Multiple(() =>
        {
            Assert.That(forest.NumberOfTrees, Is.EqualTo(7));
            Assert.That(forest.LearningRate, Is.Null, "fastforest has no learning rate");
            Assert.That(forest.Seed, Is.EqualTo(9));
            Assert.That(boosted.LearningRate, Is.EqualTo(0.3));
            Assert.That(boosted.Validate(), Is.Empty);
            Assert.That(forest.Validate(), Is.Empty);
        });
    }
}
