namespace ArchiveForecast.Core.Tests.Modeling;

[TestFixture]
public sealed class CanarySelectorTests
{
    private static double SizeOf(ForecastInput input) => input.TotalFiles * input.AvgFileSizeMb;

    [Test]
    public void SelectInputs_PicksDistinctRowsSpreadOverTotalSize()
    {
        var inputs = new SyntheticDataBuilder().WithRows(400).Build().Select(r => r.Input).ToList();
        var sizes = inputs.Select(SizeOf).Order().ToArray();

        var picked = CanarySelector.SelectInputs(inputs);

        Assert.That(picked, Has.Count.EqualTo(CanarySelector.DefaultCount));
        Assert.Multiple(() =>
        {
            Assert.That(picked, Is.Unique);
            Assert.That(picked.Select(SizeOf), Is.Ordered);
            Assert.That(SizeOf(picked[0]), Is.LessThan(sizes[sizes.Length / 4]));
            Assert.That(SizeOf(picked[^1]), Is.GreaterThan(sizes[sizes.Length * 3 / 4]));
        });
    }

    [Test]
    public void SelectInputs_OnTheSameData_IsDeterministic()
    {
        var inputs = new SyntheticDataBuilder().WithRows(200).Build().Select(r => r.Input).ToList();

        Assert.That(CanarySelector.SelectInputs(inputs), Is.EqualTo(CanarySelector.SelectInputs(inputs.ToList())));
    }

    [Test]
    public void SelectInputs_WhenFewerDistinctRowsThanAsked_ReturnsEachOnce()
    {
        var one = new ForecastInputBuilder().Build();
        var other = new ForecastInputBuilder().WithTotalFiles(5).Build();

        var picked = CanarySelector.SelectInputs([one, one, other, one], count: 5);

        Assert.That(picked, Is.EquivalentTo(new[] { one, other }));
    }

    [Test]
    public void SelectInputs_WhenNoRows_Throws()
    {
        Assert.That(() => CanarySelector.SelectInputs([]), Throws.ArgumentException);
    }

    [Test]
    public void Select_RecordsWhatTheModelPredictsForEachCanary()
    {
        var trained = TrainedModels.Get(TrainerKind.FastTree);
        using var model = ForecastModel.FromZip("canary-test", 0, trained.ModelZip, null, TimeProvider.System);

        var canaries = CanarySelector.Select(TrainedModels.TrainingRows, model);

        Assert.That(canaries, Has.Count.EqualTo(CanarySelector.DefaultCount));
        foreach (var canary in canaries)
        {
            var prediction = model.Predict(canary.Input.ToInput());
            Assert.Multiple(() =>
            {
                Assert.That(canary.Input.Month, Does.Match("^[0-9]{4}-[0-9]{2}-01$"));
                Assert.That(canary.Expected.ArchivedGbNextPeriod, Is.EqualTo(prediction.ArchivedGbNextPeriod));
                Assert.That(canary.Expected.SavingsGbNextPeriod, Is.EqualTo(prediction.SavingsGbNextPeriod));
            });
        }
    }
}
