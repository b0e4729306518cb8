using ArchiveForecast.Core.Inference;
using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Training.Tests.Modeling;

/// <summary>
/// The forecast ranges hold what they promise on sources the model never saw: trained and calibrated on generated data
/// with the source column removed (as in the original schema), checked on sources drawn from another seed.
/// </summary>
[TestFixture]
[Category("Slow")]
public sealed class IntervalCoverageTests
{
    private static readonly Lazy<List<TrainingExample>> Unseen = new(() => WithoutSources(SyntheticDataGenerator.Generate(12_000, 7, sources: 400)));

    /// <remarks>
    /// 600 rows are 17 sources, so which 17 the seed draws moves the ranges a lot: the calibration errs wide on purpose
    /// there (see IntervalCalibrator), so other seeds are held only to "never too narrow".
    /// </remarks>
    [TestCase(600, 42, 0.88)]
    [TestCase(600, 1, 1.0)]
    [TestCase(600, 2, 1.0)]
    [TestCase(20_000, 42, 0.88)]
    public void Ranges_OnUnseenSources_HoldTheirLevel(int rows, int seed, double most80)
    {
        var train = WithoutSources(SyntheticDataGenerator.Generate(rows, seed));
        var settings = TrainingDefaults.Settings(TrainingDefaults.Trainer);
        var calibration = IntervalCalibrator.Calibrate(train, settings, seed: 42, CsvTrainingDataReader.SourceIdColumn, CancellationToken.None)!;
        var trained = Core.Modeling.ForecastTrainer.Fit(train, settings, CancellationToken.None);
        using var model = ForecastModel.FromZip("coverage", 0, trained.ModelZip, Core.Modeling.QuantileCalculator.Compute([.. train.Select(r => r.Input)]), TimeProvider.System);
        var unseen = Unseen.Value;
        var predictions = model.PredictBatch([.. unseen.Select(r => r.Input)]);
        var actual = unseen.Select(r => r.Targets).ToList();

        var at80 = IntervalEvaluator.Measure(calibration, 0.8, actual, predictions)!;
        var at95 = IntervalEvaluator.Measure(calibration, 0.95, actual, predictions)!;

        TestContext.Out.WriteLine($"{rows} rows, seed {seed}: groups {calibration.Groups}; 0.8 archived {at80.ArchivedCoverage:P1} (width {at80.ArchivedMeanRelativeWidth:F2}), savings {at80.SavingsCoverage:P1} (width {at80.SavingsMeanRelativeWidth:F2}); 0.95 archived {at95.ArchivedCoverage:P1}, savings {at95.SavingsCoverage:P1}");
        Assert.Multiple(() =>
        {
            Assert.That(calibration.Grouping, Is.EqualTo("feature_profiles"));
            Assert.That(at80.ArchivedCoverage, Is.InRange(0.75, most80), "0.8 range, archived");
            Assert.That(at80.SavingsCoverage, Is.InRange(0.75, most80), "0.8 range, savings");
            Assert.That(at95.ArchivedCoverage, Is.GreaterThanOrEqualTo(0.90), "0.95 range, archived");
            Assert.That(at95.SavingsCoverage, Is.GreaterThanOrEqualTo(0.90), "0.95 range, savings");
        });
    }

    private static List<TrainingExample> WithoutSources(IEnumerable<TrainingExample> rows) => [.. rows.Select(r => r with { SourceId = null })];
}
