using ArchiveForecast.Core.Inference;
using ArchiveForecast.Core.Modeling;
using ArchiveForecast.Core.Schema;
using ArchiveForecast.Training.Modeling;

namespace ArchiveForecast.Bench.Fixtures;

/// <summary>A model trained with the default trainer on generated rows, as `archive-forecast train` would fit it.</summary>
public sealed class BenchModel : IDisposable
{
    private BenchModel(TrainedModel trained, ForecastModel model, TrainingExample[] rows)
    {
        Trained = trained;
        Model = model;
        Rows = rows;
    }

    /// <summary>The fitted model.zip and its settings.</summary>
    public TrainedModel Trained { get; }

    /// <summary>The loaded model, with the training quantiles for out-of-range flags.</summary>
    public ForecastModel Model { get; }

    /// <summary>The rows it was fitted on.</summary>
    public IReadOnlyList<TrainingExample> Rows { get; }

    /// <summary>Fits the default trainer on <paramref name="rows"/> generated rows.</summary>
    public static BenchModel Train(int rows) => Train(rows, TrainingDefaults.Settings(TrainingDefaults.Trainer));

    /// <summary>Fits <paramref name="settings"/> on <paramref name="rows"/> generated rows.</summary>
    public static BenchModel Train(int rows, TrainerSettings settings)
    {
        var data = BenchData.TrainingRows(rows);
        var trained = ForecastTrainer.Fit(data, settings, CancellationToken.None);
        var quantiles = QuantileCalculator.Compute([.. data.Select(r => r.Input)]);
        var model = ForecastModel.FromZip("archive-forecast", 1, trained.ModelZip, quantiles, TimeProvider.System);
        return new BenchModel(trained, model, data);
    }

    /// <inheritdoc />
    public void Dispose() => Model.Dispose();
}
