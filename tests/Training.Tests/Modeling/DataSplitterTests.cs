namespace ArchiveForecast.Training.Tests.Modeling;

[TestFixture]
public sealed class DataSplitterTests
{
    private static readonly List<Core.Schema.TrainingExample> Rows = SyntheticDataGenerator.Generate(1000, 11, sources: 50).ToList();

    [Test]
    public void Split_HoldsOutTheFractionAndKeepsEveryRowOnce()
    {
        var split = DataSplitter.Split(Rows, 0.2, 42);

        Assert.Multiple(() =>
        {
            Assert.That(split.Holdout, Has.Count.EqualTo(200));
            Assert.That(split.Train, Has.Count.EqualTo(800));
            Assert.That(split.Train.Concat(split.Holdout), Is.EquivalentTo(Rows));
        });
    }

    [Test]
    public void Split_SameSeed_IsTheSameSplit()
    {
        var first = DataSplitter.Split(Rows, 0.2, 42);
        var second = DataSplitter.Split(Rows, 0.2, 42);

        Assert.That(second.Holdout, Is.EqualTo(first.Holdout));
    }

    [Test]
    public void Split_RowsInAnotherOrder_GiveTheSameSplit()
    {
        var shuffled = Enumerable.Reverse(Rows).ToList();

        Assert.That(DataSplitter.Split(shuffled, 0.2, 42).Holdout, Is.EqualTo(DataSplitter.Split(Rows, 0.2, 42).Holdout));
    }

    [Test]
    public void Split_OtherSeed_IsAnotherSplit() =>
        Assert.That(DataSplitter.Split(Rows, 0.2, 43).Holdout, Is.Not.EquivalentTo(DataSplitter.Split(Rows, 0.2, 42).Holdout));

    [Test]
    public void Split_TooFewRows_Throws() =>
        Assert.Throws<ArgumentException>(() => DataSplitter.Split(Rows.Take(1).ToList(), 0.2, 1));

    [Test]
    public void KFold_EachRowIsHeldOutExactlyOnce()
    {
        var folds = DataSplitter.KFold(Rows, 5, 42);

        Assert.Multiple(() =>
        {
            Assert.That(folds, Has.Count.EqualTo(5));
            Assert.That(folds.SelectMany(f => f.Holdout), Is.EquivalentTo(Rows));
            Assert.That(folds.Select(f => f.Holdout.Count), Has.All.EqualTo(200));
            Assert.That(folds.Select(f => f.Train.Count + f.Holdout.Count), Has.All.EqualTo(1000));
        });
    }

    [Test]
    public void GroupedKFold_EachSourceIsHeldOutWholeExactlyOnce()
    {
        var folds = DataSplitter.GroupedKFold(Rows, 5, 42);

        Assert.Multiple(() =>
        {
            Assert.That(folds.SelectMany(f => f.Holdout), Is.EquivalentTo(Rows));
            foreach (var fold in folds)
            {
                var held = fold.Holdout.Select(r => r.SourceId).ToHashSet();
                Assert.That(fold.Train.Select(r => r.SourceId), Has.None.Matches<string?>(held.Contains));
            }
        });
    }

    [Test]
    public void GroupedKFold_FewerSourcesThanFolds_Throws() =>
        Assert.Throws<ArgumentException>(() => DataSplitter.GroupedKFold(SyntheticDataGenerator.Generate(100, 1, sources: 3).ToList(), 5, 42));
}
