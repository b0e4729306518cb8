namespace ArchiveForecast.Core.Tests.Modeling;

[TestFixture]
public sealed class TrainerSettingsTests
{
    [TestCase(TrainerKind.FastForest)]
    [TestCase(TrainerKind.FastTree)]
    [TestCase(TrainerKind.LightGbm)]
    public void Default_IsValidForEveryKind(TrainerKind kind)
    {
        var settings = TrainerSettings.Default(kind);

        Assert.Multiple(() =>
        {
            Assert.That(settings.Kind, Is.EqualTo(kind));
            Assert.That(settings.Validate(), Is.Empty);
            Assert.That(settings.Seed, Is.EqualTo(TrainerSettings.DefaultSeed));
        });
    }

    [Test]
    public void Default_OnlyBoostingHasALearningRate()
    {
        Assert.Multiple(() =>
        {
            Assert.That(TrainerSettings.Default(TrainerKind.FastForest).LearningRate, Is.Null);
            Assert.That(TrainerSettings.Default(TrainerKind.FastTree).LearningRate, Is.GreaterThan(0));
            Assert.That(TrainerSettings.Default(TrainerKind.LightGbm).LearningRate, Is.GreaterThan(0));
        });
    }

    [Test]
    public void ToParameters_WritesInvariantSnakeCaseStrings()
    {
        var settings = TrainerSettings.Default(TrainerKind.FastTree) with { LearningRate = 0.15, NumberOfTrees = 250, Seed = 9 };

        var parameters = settings.ToParameters();

        Assert.That(parameters, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["trainer"] = "fasttree",
            ["number_of_trees"] = "250",
            ["number_of_leaves"] = "20",
            ["minimum_example_count_per_leaf"] = "10",
            ["learning_rate"] = "0.15",
            ["seed"] = "9",
        }));
    }

    [Test]
    public void ToParameters_ForFastForest_HasNoLearningRate()
    {
        var parameters = TrainerSettings.Default(TrainerKind.FastForest).ToParameters();

        Assert.That(parameters.Keys, Does.Not.Contain("learning_rate"));
    }

    [Test]
    public void Validate_WhenEveryCountIsOutOfRange_ReportsEach()
    {
        var settings = TrainerSettings.Default(TrainerKind.LightGbm) with { NumberOfTrees = 0, NumberOfLeaves = 1, MinimumExampleCountPerLeaf = 0 };

        var errors = settings.Validate();

        Assert.That(errors, Has.Count.EqualTo(3));
        Assert.Multiple(() =>
        {
            Assert.That(errors, Has.Some.Contains("number_of_trees"));
            Assert.That(errors, Has.Some.Contains("number_of_leaves"));
            Assert.That(errors, Has.Some.Contains("minimum_example_count_per_leaf"));
        });
    }

    [TestCase(0.0)]
    [TestCase(-0.1)]
    [TestCase(1.5)]
    [TestCase(double.NaN)]
    public void Validate_WhenLearningRateOutOfRange_Rejects(double rate)
    {
        var settings = TrainerSettings.Default(TrainerKind.FastTree) with { LearningRate = rate };

        Assert.That(settings.Validate(), Has.One.Contains("learning_rate"));
    }

    [Test]
    public void Validate_WhenBoostingHasNoLearningRate_Rejects()
    {
        var settings = TrainerSettings.Default(TrainerKind.LightGbm) with { LearningRate = null };

        Assert.That(settings.Validate(), Has.One.Contains("learning_rate is required"));
    }

    [Test]
    public void Validate_WhenForestGivenALearningRate_Rejects()
    {
        var settings = TrainerSettings.Default(TrainerKind.FastForest) with { LearningRate = 0.1 };

        Assert.That(settings.Validate(), Has.One.Contains("does not apply"));
    }

    [Test]
    public void Default_WhenKindUnknown_Throws()
    {
        Assert.That(() => TrainerSettings.Default((TrainerKind)42), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
