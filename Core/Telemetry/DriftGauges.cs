using System.Diagnostics.Metrics;
using ArchiveForecast.Core.Drift;

namespace ArchiveForecast.Core.Telemetry;

/// <summary>
/// The drift instruments: observable gauges that read the drift windows when an exporter collects, so that scoring
/// never pays for them.
/// </summary>
internal static class DriftGauges
{
    public static void Register(Meter meter, DriftTracker drift)
    {
        meter.CreateObservableGauge(
            TelemetryNames.Instruments.DriftPsi, () => ObserveFeatures(drift, f => f.Psi), "1", "Population stability index of recent inputs against the training quantiles.");
        meter.CreateObservableGauge(
            TelemetryNames.Instruments.DriftShareOutside, () => ObserveFeatures(drift, f => f.ShareOutside), "1", "Share of recent inputs outside the training p01..p99.");
        meter.CreateObservableGauge(
            TelemetryNames.Instruments.DriftWindowSize, () => ObserveWindows(drift), "{input}", "Recent inputs the drift figures cover.");
    }

    private static IEnumerable<Measurement<double>> ObserveFeatures(DriftTracker drift, Func<FeatureDrift, double> figure)
    {
        foreach (var model in drift.Snapshots())
        {
            foreach (var (feature, featureDrift) in model.Snapshot.Features)
            {
                yield return new Measurement<double>(
                    figure(featureDrift),
                    new KeyValuePair<string, object?>(TelemetryNames.Tags.ModelName, model.ModelName),
                    new KeyValuePair<string, object?>(TelemetryNames.Tags.ModelVersion, model.Version),
                    new KeyValuePair<string, object?>(TelemetryNames.Tags.Feature, feature));
            }
        }
    }

    private static IEnumerable<Measurement<int>> ObserveWindows(DriftTracker drift) =>
        drift.Windows.Select(window => new Measurement<int>(
            window.Count,
            new KeyValuePair<string, object?>(TelemetryNames.Tags.ModelName, window.Model.Name),
            new KeyValuePair<string, object?>(TelemetryNames.Tags.ModelVersion, window.Model.Version)));
}
