using ArchiveForecast.Core.Drift;
using ArchiveForecast.Core.Tests.TestData;

namespace ArchiveForecast.Core.Tests.Drift;

[TestFixture]
public sealed class DriftTrackerTests
{
    private static readonly DateTimeOffset Earlier = TestClock.Start;
    private static readonly DateTimeOffset Later = TestClock.Start.AddMinutes(5);

    [Test]
    public void Snapshot_BeforeAnyInput_IsEmptyWithTheConfiguredCapacity()
    {
        var tracker = new DriftTracker(100);
        using var model = StubModels.Create();

        var snapshot = tracker.Snapshot(model);

        Assert.Multiple(() =>
        {
            Assert.That(snapshot.WindowSize, Is.Zero);
            Assert.That(snapshot.WindowCapacity, Is.EqualTo(100));
            Assert.That(snapshot.Features, Is.Empty);
        });
    }

    [Test]
    public void Snapshot_AfterInputs_ReportsEveryNumericFieldWithItsFigures()
    {
        var tracker = new DriftTracker(100);
        using var model = StubModels.Create();

        tracker.Record(model, StubModels.AllFields([0.5, 50, 50, 200]));
        var snapshot = tracker.Snapshot(model);

        Assert.Multiple(() =>
        {
            Assert.That(snapshot.WindowSize, Is.EqualTo(4));
            Assert.That(snapshot.Features.Keys, Is.EquivalentTo(FieldNames.NumericInputs));
            Assert.That(snapshot.Features[FieldNames.AvgFileSizeMb].ShareOutside, Is.EqualTo(0.5).Within(1e-12));
            Assert.That(snapshot.Features[FieldNames.AvgFileSizeMb].Psi, Is.GreaterThan(0.2));
        });
    }

    [Test]
    public void Window_WhenMoreInputsThanCapacityArrive_KeepsOnlyTheMostRecent()
    {
        var tracker = new DriftTracker(100);
        using var model = StubModels.Create();

        tracker.Record(model, StubModels.AllFields(Enumerable.Repeat(500.0, 60)));
        tracker.Record(model, StubModels.AllFields(Enumerable.Repeat(50.0, 100)));
        var snapshot = tracker.Snapshot(model);

        Assert.Multiple(() =>
        {
            Assert.That(snapshot.WindowSize, Is.EqualTo(100));
            Assert.That(snapshot.Features[FieldNames.PctPdf].ShareOutside, Is.Zero);
        });
    }

    [Test]
    public void Window_WhenOneBatchIsLargerThanCapacity_KeepsItsLastInputs()
    {
        var tracker = new DriftTracker(50);
        using var model = StubModels.Create();
        var batch = StubModels.AllFields(Enumerable.Repeat(500.0, 70).Concat(Enumerable.Repeat(50.0, 50)));

        tracker.Record(model, batch);

        Assert.That(tracker.Snapshot(model).Features[FieldNames.TotalFiles].ShareOutside, Is.Zero);
    }

    [Test]
    public void Record_WhenAnotherVersionScores_StartsAFreshWindowForIt()
    {
        var tracker = new DriftTracker(100);
        using var first = StubModels.Create(version: 1, loadedAt: Earlier);
        using var second = StubModels.Create(version: 2, loadedAt: Later);

        tracker.Record(first, StubModels.AllFields(Enumerable.Repeat(500.0, 10)));
        tracker.Record(second, StubModels.AllFields(Enumerable.Repeat(50.0, 3)));

        Assert.Multiple(() =>
        {
            Assert.That(tracker.Snapshot(second).WindowSize, Is.EqualTo(3));
            Assert.That(tracker.Snapshot(second).Features[FieldNames.TotalFiles].ShareOutside, Is.Zero);
            Assert.That(tracker.Snapshot(first).WindowSize, Is.Zero);
            Assert.That(tracker.Windows.Single().Model, Is.SameAs(second));
        });
    }

    [Test]
    public void Record_WhenAnOlderLoadedModelFinishesAfterTheSwap_IsNotRecorded()
    {
        var tracker = new DriftTracker(100);
        using var replaced = StubModels.Create(version: 1, loadedAt: Earlier);
        using var serving = StubModels.Create(version: 2, loadedAt: Later);

        tracker.Record(serving, StubModels.AllFields(Enumerable.Repeat(50.0, 5)));
        tracker.Record(replaced, StubModels.AllFields(Enumerable.Repeat(500.0, 5)));

        Assert.Multiple(() =>
        {
            Assert.That(tracker.Snapshot(serving).WindowSize, Is.EqualTo(5));
            Assert.That(tracker.Snapshot(serving).Features[FieldNames.TotalFiles].ShareOutside, Is.Zero);
        });
    }

    [Test]
    public void Record_WhenTheModelHasNoQuantiles_TracksNothing()
    {
        var tracker = new DriftTracker(100);
        using var unquantiled = StubModels.WithoutQuantiles();

        tracker.Record(unquantiled, StubModels.AllFields([50, 50]));

        Assert.Multiple(() =>
        {
            Assert.That(tracker.Windows, Is.Empty);
            Assert.That(tracker.Snapshot(unquantiled).WindowSize, Is.Zero);
        });
    }

    [Test]
    public void Snapshots_ListEveryTrackedModelWithItsVersion()
    {
        var tracker = new DriftTracker(100);
        using var a = StubModels.Create(name: "a", version: 3);
        using var b = StubModels.Create(name: "b", version: 7);

        tracker.Record(a, StubModels.AllFields([50]));
        tracker.Record(b, StubModels.AllFields([50, 50]));

        Assert.That(
            tracker.Snapshots().Select(s => (s.ModelName, s.Version, s.Snapshot.WindowSize)),
            Is.EquivalentTo(new[] { ("a", 3, 1), ("b", 7, 2) }));
    }

    [Test]
    public async Task Record_FromManyThreadsAtOnce_FillsTheWindowWithoutLosingItsShape()
    {
        var tracker = new DriftTracker(500);
        using var model = StubModels.Create();
        var single = StubModels.AllFields([50]);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (int i = 0; i < 2000; i++)
            {
                tracker.Record(model, single);
            }
        })));
        var snapshot = tracker.Snapshot(model);

        Assert.Multiple(() =>
        {
            Assert.That(snapshot.WindowSize, Is.EqualTo(500));
            Assert.That(snapshot.Features.Values.Select(f => f.ShareOutside), Is.All.Zero);
        });
    }

    [Test]
    public void Constructor_WhenTheWindowIsEmpty_Throws()
    {
        Assert.That(() => new DriftTracker(0), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
