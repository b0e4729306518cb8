using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ArchiveForecast.TestSupport;

/// <summary>One measurement as a listener saw it.</summary>
public sealed record RecordedMeasurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    public object? Tag(string name) => Tags.TryGetValue(name, out var value) ? value : null;
}

/// <summary>Listens to one meter and one activity source, the way an exporter would, and keeps what they emit.</summary>
public sealed class TelemetryRecorder : IDisposable
{
    private readonly MeterListener meters = new();
    private readonly ActivityListener activities;
    private readonly ConcurrentQueue<RecordedMeasurement> measurements = new();
    private readonly ConcurrentQueue<Activity> stopped = new();

    public TelemetryRecorder(Meter meter, ActivitySource source)
    {
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((i, v, t, _) => Add(i, v, t));
        meters.SetMeasurementEventCallback<int>((i, v, t, _) => Add(i, v, t));
        meters.SetMeasurementEventCallback<double>((i, v, t, _) => Add(i, v, t));
        meters.Start();

        activities = new ActivityListener
        {
            ShouldListenTo = s => ReferenceEquals(s, source),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(activities);
    }

    public IReadOnlyList<Activity> Activities => [.. stopped];

    public IReadOnlyList<RecordedMeasurement> Measurements(string instrument) =>
        [.. measurements.Where(m => m.Instrument == instrument)];

    /// <summary>Asks the observable instruments for their values now, as an exporter does on its interval.</summary>
    public IReadOnlyList<RecordedMeasurement> Observe(string instrument)
    {
        meters.RecordObservableInstruments();
        return Measurements(instrument);
    }

    public double Sum(string instrument, Func<RecordedMeasurement, bool>? where = null) =>
        Measurements(instrument).Where(where ?? (_ => true)).Sum(m => m.Value);

    public void Dispose()
    {
        meters.Dispose();
        activities.Dispose();
    }

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, tagValue) in tags)
        {
            copy[key] = tagValue;
        }

        measurements.Enqueue(new RecordedMeasurement(instrument.Name, value, copy));
    }
}
