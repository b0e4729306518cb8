using System.Globalization;
using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Features;
using ArchiveForecast.Core.Registry;
using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Core.Inference;

/// <summary>
/// What a published version must pass before it is served: a card that is its own and matches the features this
/// service computes, and canary rows that the loaded model reproduces.
/// </summary>
internal static class ModelSelfCheck
{
    // Canary outputs are stored as doubles of float scores; a reload on the same ML.NET reproduces them exactly, so the
    // tolerance only absorbs float noise across CPUs and runtimes, not a different model.
    private const double CanaryRelativeTolerance = 1e-4;
    private const double CanaryAbsoluteTolerance = 1e-6;

    /// <summary>Refuses a card that belongs to another model or other features, or has no canaries.</summary>
    /// <exception cref="ModelSelfCheckException">The card is not fit to check the version with.</exception>
    public static void CheckCard(VerifiedVersion version)
    {
        var card = version.Card;
        string name = version.Manifest.ModelName;
        string who = Describe(name, version.Manifest.Version);
        if (!string.Equals(card.ModelName, name, StringComparison.Ordinal))
        {
            throw new ModelSelfCheckException($"{who} carries the model card of '{card.ModelName}'.");
        }

        if (!string.Equals(card.FeatureVersion, FeatureSchema.Version, StringComparison.Ordinal))
        {
            throw new ModelSelfCheckException(
                $"{who} was trained on feature version '{card.FeatureVersion}', but this service computes '{FeatureSchema.Version}'.");
        }

        if (!card.FeatureNames.SequenceEqual(FeatureSchema.Names, StringComparer.Ordinal))
        {
            throw new ModelSelfCheckException($"{who} lists feature names that differ from {FeatureSchema.Version}.");
        }

        if (card.Canaries.Count == 0)
        {
            throw new ModelSelfCheckException($"{who} has no canary rows in its model card, so it cannot be checked.");
        }
    }

    /// <summary>Predicts every canary row with <paramref name="model"/> and refuses it when any result differs.</summary>
    /// <exception cref="ModelSelfCheckException">A canary does not reproduce or gives a non-finite prediction.</exception>
    public static void CheckCanaries(ForecastModel model, IReadOnlyList<CanaryRow> canaries)
    {
        List<string>? problems = null;
        for (int i = 0; i < canaries.Count; i++)
        {
            var canary = canaries[i];
            string where = $"canary {i + 1} of {canaries.Count} (month {canary.Input.Month})";
            ForecastPrediction prediction;
            try
            {
                prediction = model.Predict(canary.Input.ToInput());
            }
            catch (NonFinitePredictionException)
            {
                (problems ??= []).Add($"{where} gives a non-finite prediction");
                continue;
            }

            Compare(where, FieldNames.ArchivedGbNextPeriod, prediction.ArchivedGbNextPeriod, canary.Expected.ArchivedGbNextPeriod, ref problems);
            Compare(where, FieldNames.SavingsGbNextPeriod, prediction.SavingsGbNextPeriod, canary.Expected.SavingsGbNextPeriod, ref problems);
        }

        if (problems is not null)
        {
            const int Shown = 3;
            string more = problems.Count > Shown ? $"; and {problems.Count - Shown} more" : string.Empty;
            throw new ModelSelfCheckException(
                $"{Describe(model.Name, model.Version)} failed its self-check: {string.Join("; ", problems.Take(Shown))}{more}.");
        }
    }

    /// <summary>How messages name a version: <c>Model 'name' version N</c>.</summary>
    public static string Describe(string name, int version) =>
        string.Create(CultureInfo.InvariantCulture, $"Model '{name}' version {version}");

    private static void Compare(string where, string target, double actual, double expected, ref List<string>? problems)
    {
        bool close = double.IsFinite(expected)
            && Math.Abs(actual - expected) <= CanaryAbsoluteTolerance + (CanaryRelativeTolerance * Math.Abs(expected));
        if (!close)
        {
            (problems ??= []).Add(string.Create(
                CultureInfo.InvariantCulture, $"{where} gives {target} {actual:R} where the card expects {expected:R}"));
        }
    }
}
