using ArchiveForecast.Core.Features;
using ArchiveForecast.Core.Schema;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ArchiveForecast.Core.Modeling;

/// <summary>Fits the two-target pipeline on labelled rows and returns model.zip. Deterministic for a given seed.</summary>
public static class ForecastTrainer
{
    /// <summary>Fits both targets with <paramref name="settings"/> on <paramref name="rows"/> (already validated).</summary>
    /// <exception cref="ArgumentException">No rows, or settings that <see cref="TrainerSettings.Validate"/> rejects.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static TrainedModel Fit(IReadOnlyList<TrainingExample> rows, TrainerSettings settings, CancellationToken cancellationToken)
    {
        var (mlContext, model, inputSchema) = FitTransformer(rows, settings, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        using var stream = new MemoryStream();
        mlContext.Model.Save(model, inputSchema, stream);
        return new TrainedModel(ModelZip.Normalize(stream.GetBuffer().AsSpan(0, (int)stream.Length)), settings, rows.Count);
    }

    /// <summary>The fit itself: the context, the fitted chain and its input schema (tests compare it with the saved zip).</summary>
    internal static (MLContext MlContext, ITransformer Model, DataViewSchema InputSchema) FitTransformer(
        IReadOnlyList<TrainingExample> rows, TrainerSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(settings);
        if (rows.Count == 0)
        {
            throw new ArgumentException("Training needs at least one row.", nameof(rows));
        }

        var errors = settings.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"Invalid trainer settings: {string.Join(" ", errors)}", nameof(settings));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var trainingRows = new TrainingRow[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            var row = new TrainingRow
            {
                ArchivedLogGb = (float)ForecastPipeline.ToLabel(rows[i].Targets.ArchivedGbNextPeriod),
                SavingsLogGb = (float)ForecastPipeline.ToLabel(rows[i].Targets.SavingsGbNextPeriod),
            };
            FeatureBuilder.Write(rows[i].Input, row.Features);
            trainingRows[i] = row;
        }

        // A fresh context per fit: its seed drives the bagging of FastForest, so reusing one would make fits differ.
        var mlContext = new MLContext(settings.Seed);
        var data = mlContext.Data.LoadFromEnumerable(trainingRows);

        // ML.NET cannot interrupt a regressor once it runs (its cancellation hook is not public), so cancellation is
        // observed between stages: at worst one regressor's fit runs on after the token fires.
        var fitted = new List<ITransformer>(4);
        IDataView current = data;
        foreach (var stage in ForecastPipeline.Stages(mlContext, settings))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var transformer = stage.Fit(current);
            current = transformer.Transform(current);
            fitted.Add(transformer);
        }

        return (mlContext, new TransformerChain<ITransformer>([.. fitted]), data.Schema);
    }
}
