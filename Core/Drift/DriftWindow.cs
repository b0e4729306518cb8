using System.Buffers;
using ArchiveForecast.Core.Inference;
using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Core.Drift;

/// <summary>
/// The most recent inputs one loaded model version has scored: a fixed-size ring of values per numeric input field.
/// Writers reserve slots with one interlocked add and never lock; a snapshot copies the rings as they are.
/// </summary>
/// <remarks>
/// A snapshot taken while a batch is being written may see a slot that is claimed but not yet written (still NaN,
/// skipped) or that mixes two inputs' fields: drift is a statistic of hundreds of values, and one torn row does not move it.
/// </remarks>
public sealed class DriftWindow
{
    private readonly double[][] values;
    private long written;

    /// <summary>Creates an empty window for <paramref name="model"/>.</summary>
    public DriftWindow(ForecastModel model, int capacity)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Model = model;
        Capacity = capacity;
        values = new double[NumericInputs.Count][];
        for (int field = 0; field < values.Length; field++)
        {
            values[field] = new double[capacity];
            Array.Fill(values[field], double.NaN);
        }
    }

    /// <summary>The loaded model whose inputs the window holds.</summary>
    public ForecastModel Model { get; }

    /// <summary>The most inputs kept.</summary>
    public int Capacity { get; }

    /// <summary>How many inputs the window holds now.</summary>
    public int Count => (int)Math.Min(Volatile.Read(ref written), Capacity);

    /// <summary>Adds inputs; only the last <see cref="Capacity"/> of a larger batch are kept.</summary>
    public void Add(IReadOnlyList<ForecastInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        int take = Math.Min(inputs.Count, Capacity);
        if (take == 0)
        {
            return;
        }

        int skip = inputs.Count - take;
        long first = Interlocked.Add(ref written, take) - take;
        for (int i = 0; i < take; i++)
        {
            var input = inputs[skip + i];
            int slot = (int)((first + i) % Capacity);
            for (int field = 0; field < values.Length; field++)
            {
                values[field][slot] = NumericInputs.Get(input, field);
            }
        }
    }

    /// <summary>The drift of the held inputs against the model's training quantiles (fields without quantiles are left out).</summary>
    public DriftSnapshot Snapshot()
    {
        int count = Count;
        var quantiles = Model.Quantiles;
        if (count == 0 || quantiles is null)
        {
            return DriftSnapshot.Empty(Capacity);
        }

        var features = new Dictionary<string, FeatureDrift>(values.Length, StringComparer.Ordinal);
        double[] buffer = ArrayPool<double>.Shared.Rent(Capacity);
        try
        {
            for (int field = 0; field < values.Length; field++)
            {
                string name = FieldNames.NumericInputs[field];
                if (!quantiles.Features.TryGetValue(name, out var set))
                {
                    continue;
                }

                int n = CopyWritten(values[field], buffer);
                var recent = buffer.AsSpan(0, n);
                features[name] = new FeatureDrift(
                    DriftCalculator.ShareOutside(recent, set),
                    DriftCalculator.PopulationStabilityIndex(recent, set));
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }

        return new DriftSnapshot(count, Capacity, features);
    }

    private static int CopyWritten(double[] ring, double[] buffer)
    {
        int n = 0;
        for (int slot = 0; slot < ring.Length; slot++)
        {
            double value = Volatile.Read(ref ring[slot]);
            if (!double.IsNaN(value))
            {
                buffer[n++] = value;
            }
        }

        return n;
    }
}
