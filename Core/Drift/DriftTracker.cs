using System.Collections.Concurrent;
using ArchiveForecast.Core.Inference;
using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Core.Drift;

/// <summary>
/// One <see cref="DriftWindow"/> per served model name, started afresh whenever another loaded version scores: drift
/// is always measured against the quantiles of the version that is serving.
/// </summary>
/// <remarks>
/// During a swap, requests that still hold the replaced model may finish after the new one has scored. The more
/// recently loaded model keeps the window; inputs scored by an older one are not recorded.
/// </remarks>
public sealed class DriftTracker
{
    private readonly ConcurrentDictionary<string, DriftWindow> windows = new(StringComparer.Ordinal);

    /// <summary>Creates a tracker that keeps the last <paramref name="windowSize"/> inputs per model.</summary>
    public DriftTracker(int windowSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windowSize, 1);
        WindowSize = windowSize;
    }

    /// <summary>The inputs kept per model.</summary>
    public int WindowSize { get; }

    /// <summary>Records inputs <paramref name="model"/> has scored. Models without training quantiles are not tracked.</summary>
    public void Record(ForecastModel model, IReadOnlyList<ForecastInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputs);
        if (model.Quantiles is null || inputs.Count == 0)
        {
            return;
        }

        WindowFor(model)?.Add(inputs);
    }

    /// <summary>The drift of <paramref name="model"/>'s recent inputs; empty when it has scored none since it was loaded.</summary>
    public DriftSnapshot Snapshot(ForecastModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return windows.TryGetValue(model.Name, out var window) && ReferenceEquals(window.Model, model)
            ? window.Snapshot()
            : DriftSnapshot.Empty(WindowSize);
    }

    /// <summary>The current window of every tracked model.</summary>
    public IReadOnlyList<DriftWindow> Windows => [.. windows.Values];

    /// <summary>The drift of every tracked model's current window.</summary>
    public IReadOnlyList<ModelDrift> Snapshots() =>
        [.. windows.Values.Select(w => new ModelDrift(w.Model.Name, w.Model.Version, w.Snapshot()))];

    private DriftWindow? WindowFor(ForecastModel model)
    {
        while (true)
        {
            if (!windows.TryGetValue(model.Name, out var window))
            {
                var created = new DriftWindow(model, WindowSize);
                if (windows.TryAdd(model.Name, created))
                {
                    return created;
                }

                continue;
            }

            if (ReferenceEquals(window.Model, model))
            {
                return window;
            }

            if (model.LoadedAt < window.Model.LoadedAt)
            {
                return null;
            }

            var replacement = new DriftWindow(model, WindowSize);
            if (windows.TryUpdate(model.Name, replacement, window))
            {
                return replacement;
            }
        }
    }
}
