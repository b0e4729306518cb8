using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Inference;
using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Core.Modeling;

/// <summary>
/// Picks the canary rows of a model card: a few inputs spread over the range of total size, with the outputs the model
/// gives for them. A loaded model must reproduce these outputs before it is served.
/// </summary>
public static class CanarySelector
{
    /// <summary>How many canaries a card carries unless told otherwise.</summary>
    public const int DefaultCount = 5;

    /// <summary>
    /// Canary rows for <paramref name="model"/> (load it from the model.zip being published, with
    /// <see cref="ForecastModel.FromZip"/>, so the outputs are those a later load reproduces).
    /// </summary>
    public static IReadOnlyList<CanaryRow> Select(IReadOnlyList<TrainingExample> rows, ForecastModel model, int count = DefaultCount)
    {
        ArgumentNullException.ThrowIfNull(model);
        var inputs = new ForecastInput[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            inputs[i] = rows[i].Input;
        }

        var picked = SelectInputs(inputs, count);
        var canaries = new CanaryRow[picked.Count];
        for (int i = 0; i < picked.Count; i++)
        {
            // The wire form is what the card stores, so the expected outputs are computed from it, not from the row.
            var input = CanaryInput.From(picked[i]);
            var prediction = model.Predict(input.ToInput());
            canaries[i] = new CanaryRow(input, new ForecastTargets(prediction.ArchivedGbNextPeriod, prediction.SavingsGbNextPeriod));
        }

        return canaries;
    }

    /// <summary>
    /// Up to <paramref name="count"/> distinct inputs at evenly spread ranks of total size (files × mean size), ties kept
    /// in input order, so the same data always gives the same canaries.
    /// </summary>
    public static IReadOnlyList<ForecastInput> SelectInputs(IReadOnlyList<ForecastInput> inputs, int count = DefaultCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (inputs.Count == 0)
        {
            throw new ArgumentException("Canaries need at least one row.", nameof(inputs));
        }

        var bySize = Enumerable.Range(0, inputs.Count)
            .OrderBy(i => inputs[i].TotalFiles * inputs[i].AvgFileSizeMb)
            .ToArray();
        var picked = new List<ForecastInput>(count);
        for (int k = 0; k < count; k++)
        {
            int rank = (int)Math.Floor((k + 0.5) * bySize.Length / count);
            var candidate = inputs[bySize[Math.Min(rank, bySize.Length - 1)]];
            if (!picked.Contains(candidate))
            {
                picked.Add(candidate);
            }
        }

        return picked;
    }
}
