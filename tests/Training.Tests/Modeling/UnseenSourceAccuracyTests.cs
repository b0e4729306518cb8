using ArchiveForecast.Core.Features;
using ArchiveForecast.Core.Inference;
using ArchiveForecast.Core.Modeling;
using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Training.Tests.Modeling;

/// <summary>
/// The default trainer and the boosted ones, fitted on generated data with their tuned settings, forecast sources they
/// never saw to the scale of the generator's formula, for the smallest sources as well as the largest
/// (docs/synthetic-data.md, bench/MODELING.md). FastForest is left out: a forest of independent trees fits the
/// near-additive log target coarsely (about 1.5× off on median), which is why it is no longer the default.
/// </summary>
[TestFixture]
public sealed class UnseenSourceAccuracyTests
{
    private static readonly TrainerKind[] Kinds = [.. new[] { TrainingDefaults.Trainer, TrainerKind.FastTree, TrainerKind.LightGbm }.Distinct()];

    // Another seed draws other sources: none of them is in the training data.
    private static readonly Lazy<List<TrainingExample>> Train = new(() => SyntheticDataGenerator.Generate(8_000, 42, sources: 250).ToList());
    private static readonly Lazy<List<TrainingExample>> Unseen = new(() => SyntheticDataGenerator.Generate(2_400, 7, sources: 80).ToList());

    [TestCaseSource(nameof(Kinds))]
    public void Predict_OnUnseenSources_IsWithinAFactorOfTheNoiseFreeFormulaForSmallAndLargeSources(TrainerKind kind)
    {
        var unseen = Unseen.Value.OrderBy(r => NoiseFreeArchivedGb(r.Input)).ToList();
        var trained = ForecastTrainer.Fit(Train.Value, TrainingDefaults.Settings(kind), CancellationToken.None);
        using var model = ForecastModel.FromZip("unseen", 0, trained.ModelZip, null, TimeProvider.System);

        var predictions = model.PredictBatch([.. unseen.Select(r => r.Input)]);

        // The per-source policy factor and the noise are log-normal around 1 (σ ≈ 0.2 together), so a model that learnt
        // the formula is off it by a factor of about 1.15 on median; the raw-GB models were off by 2 to 20 on small sources.
        var archived = unseen.Select((r, i) => Factor(predictions[i].ArchivedGbNextPeriod, NoiseFreeArchivedGb(r.Input))).ToList();
        var savings = unseen.Select((r, i) => Factor(predictions[i].SavingsGbNextPeriod, NoiseFreeSavingsGb(r.Input))).ToList();
        int quarter = unseen.Count / 4;
        double bound = Math.Log(1.5);
        Assert.Multiple(() =>
        {
            Assert.That(NoiseFreeArchivedGb(unseen[quarter].Input), Is.LessThan(1), "the smallest quarter archives under 1 GB");
            Assert.That(Median(archived.Take(quarter)), Is.LessThan(bound), "archived, smallest quarter");
            Assert.That(Median(archived.TakeLast(quarter)), Is.LessThan(bound), "archived, largest quarter");
            Assert.That(Median(savings.Take(quarter)), Is.LessThan(bound), "savings, smallest quarter");
            Assert.That(Median(savings.TakeLast(quarter)), Is.LessThan(bound), "savings, largest quarter");
            Assert.That(archived.Count(f => f <= Math.Log(2)), Is.GreaterThan(unseen.Count * 0.85), "archived within 2× of the formula");
        });
    }

    // The generator's formula with the policy factor and the noise at their median, 1.
    private static double NoiseFreeArchivedGb(ForecastInput input)
    {
        double other = Math.Max(0, 1 - input.PctPdf - input.PctDocx - input.PctXlsx);
        double totalGb = input.TotalFiles * input.AvgFileSizeMb / FeatureBuilder.MbPerGb;
        double coverage = 1 - Math.Exp(-input.ArchiveFrequencyPerDay / 4);
        double churn = input.PctPdf + (1.1 * input.PctDocx) + (1.4 * input.PctXlsx) + (0.8 * other);
        return totalGb * 0.06 * coverage * SyntheticDataGenerator.Season(input.Month.AddMonths(1).Month) * churn;
    }

    private static double NoiseFreeSavingsGb(ForecastInput input)
    {
        double other = Math.Max(0, 1 - input.PctPdf - input.PctDocx - input.PctXlsx);
        double rate = (0.05 * input.PctPdf) + (0.45 * input.PctDocx) + (0.60 * input.PctXlsx) + (0.25 * other);
        return NoiseFreeArchivedGb(input) * rate;
    }

    private static double Factor(double predicted, double expected) => Math.Abs(Math.Log(Math.Max(predicted, 1e-6) / expected));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }
}
