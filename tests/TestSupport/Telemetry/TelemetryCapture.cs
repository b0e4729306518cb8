using ArchiveForecast.Core.Drift;
using ArchiveForecast.Core.Telemetry;

namespace ArchiveForecast.TestSupport;

/// <summary>The service's telemetry on a meter factory of its own, with a recorder listening to it; disposes all three.</summary>
public sealed class TelemetryCapture : IDisposable
{
    public TelemetryCapture(DriftTracker? drift = null)
    {
        MeterFactory = new TestMeterFactory();
        Telemetry = new ArchiveForecastTelemetry(MeterFactory, drift);
        Recorder = new TelemetryRecorder(Telemetry.Meter, Telemetry.ActivitySource);
    }

    public TestMeterFactory MeterFactory { get; }

    public ArchiveForecastTelemetry Telemetry { get; }

    public TelemetryRecorder Recorder { get; }

    public void Dispose()
    {
        Recorder.Dispose();
        Telemetry.Dispose();
        MeterFactory.Dispose();
    }
}
