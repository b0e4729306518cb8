using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Hashing;
using System.Text;
using ArchiveForecast.Core.Inference;
using ArchiveForecast.Core.Schema;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Core.Releases;

/// <summary>
/// A release as this instance runs it: the loaded candidate, which requests it takes, what both roles did, the shadow
/// queue, and the guards that end the release when the candidate is worse.
/// </summary>
/// <remarks>
/// Shadow work goes through a bounded queue read by one worker thread of its own: a request only tries to enqueue
/// (never waits), and a full queue drops the work and counts the drop, so shadowing never changes an answer. So that it
/// does not slow one either, the worker runs at the lowest OS priority (on Linux nice 19 and SCHED_IDLE, so the
/// scheduler takes its core back whenever a request's thread is ready to run), scores on that thread alone, and starts
/// only while no served scoring is running on this instance; a request that finds served scoring running drops its
/// shadow work at once, and work that waited <see cref="MaxShadowWait"/> for an idle moment is dropped (both counted).
/// A shadow release therefore samples the idle moments of a saturated instance rather than every request.
/// </remarks>
public sealed class ActiveRelease : IAsyncDisposable
{
    // Guards are checked on every candidate record up to the minimum, then on every 16th (sorting latencies costs).
    private const int CheckEvery = 16;
    private static readonly double TwentyPercent = Math.Log(1.2);

    /// <summary>How long shadow work waits for an idle moment before it is dropped.</summary>
    public static readonly TimeSpan MaxShadowWait = TimeSpan.FromMilliseconds(250);

    private readonly string modelName;
    private readonly ReleaseTelemetry? telemetry;
    private readonly Func<ActiveRelease, string, Task> abort;
    private readonly ILogger logger;
    private readonly RoleCounter served;
    private readonly RoleCounter candidate;
    private readonly BlockingCollection<ShadowWork> shadowQueue;
    private readonly ShadowPriority shadowPriority;
    private readonly Lock shadowSync = new();
    private ModelRelease spec;
    private long shadowCompared;
    private double shadowLogRatioSum;
    private long shadowApart;
    private long shadowDropped;
    private long candidateRecords;
    private int aborting;
    private int servedInFlight;
    private int shadowWorkerThreadId;
    private int disposed;

    internal ActiveRelease(
        string modelName,
        ModelRelease spec,
        int servedVersion,
        ForecastModel candidateModel,
        int shadowCapacity,
        ShadowPriority shadowPriority,
        ReleaseTelemetry? telemetry,
        Func<ActiveRelease, string, Task> abort,
        ILogger logger)
    {
        this.modelName = modelName;
        this.spec = spec;
        this.telemetry = telemetry;
        this.abort = abort;
        this.logger = logger;
        ServedVersion = servedVersion;
        Candidate = candidateModel;
        served = new RoleCounter(servedVersion);
        candidate = new RoleCounter(spec.Version);
        shadowQueue = new BlockingCollection<ShadowWork>(new ConcurrentQueue<ShadowWork>(), shadowCapacity);
        this.shadowPriority = shadowPriority;
        new Thread(ShadowLoop) { IsBackground = true, Name = "Shadow scoring" }.Start();
    }

    /// <summary>The release as the pointer holds it (its fraction may be widened while it runs).</summary>
    public ModelRelease Spec => Volatile.Read(ref spec);

    /// <summary>The version served beside the candidate.</summary>
    public int ServedVersion { get; }

    /// <summary>The candidate, loaded, verified and self-checked.</summary>
    public ForecastModel Candidate { get; }

    /// <summary>The reason this instance ended the release, once it did.</summary>
    public string? AbortReason { get; private set; }

    /// <summary>
    /// Whether a request takes part: split mode answers it with the candidate, shadow mode shadows it. With a routing
    /// key the choice is a stable hash of the key (the same in every instance and process, and a key chosen at 5 %
    /// stays chosen when the release widens); without one it is random per request.
    /// </summary>
    public bool Takes(string? routingKey)
    {
        double fraction = Spec.Fraction;
        if (fraction >= 1)
        {
            return true;
        }

        return (string.IsNullOrEmpty(routingKey) ? Random.Shared.NextDouble() : Position(routingKey)) < fraction;
    }

    /// <summary>Where a routing key falls in [0, 1): XxHash64 of its UTF-8 bytes, which is the same in every process.</summary>
    public static double Position(string routingKey)
    {
        ArgumentNullException.ThrowIfNull(routingKey);
        Span<byte> hash = stackalloc byte[sizeof(ulong)];
        XxHash64.Hash(Encoding.UTF8.GetBytes(routingKey), hash);
        ulong value = BinaryPrimitives.ReadUInt64BigEndian(hash);
        return (value >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>
    /// Marks served scoring as running until <see cref="EndServing"/>; shadow work waits while any is (see remarks).
    /// </summary>
    public void BeginServing() => Interlocked.Increment(ref servedInFlight);

    /// <summary>Ends what <see cref="BeginServing"/> started.</summary>
    public void EndServing() => Interlocked.Decrement(ref servedInFlight);

    /// <summary>Records a request the served version scored (<paramref name="results"/> null when it threw).</summary>
    public void RecordServed(TimeSpan elapsed, IReadOnlyList<ForecastPrediction>? results)
    {
        served.Record(elapsed, results);
        telemetry?.RecordScoring(modelName, ServedVersion, ReleaseRole.Served, elapsed, results is null);
    }

    /// <summary>Records a request the candidate scored (<paramref name="results"/> null when it threw), then checks the guards.</summary>
    public void RecordCandidate(TimeSpan elapsed, IReadOnlyList<ForecastPrediction>? results)
    {
        candidate.Record(elapsed, results);
        telemetry?.RecordScoring(modelName, Spec.Version, ReleaseRole.Candidate, elapsed, results is null);
        long count = Interlocked.Increment(ref candidateRecords);
        if (count >= Spec.Guards.MinRequests && (count == Spec.Guards.MinRequests || count % CheckEvery == 0))
        {
            CheckGuards();
        }
    }

    /// <summary>
    /// Offers a request the served version answered to the candidate, off the request's path. False when the work
    /// was dropped (counted): the queue was full, or served scoring is running on this instance.
    /// </summary>
    public bool OfferShadow(IReadOnlyList<ForecastInput> inputs, IReadOnlyList<ForecastPrediction> servedResults)
    {

        // Served scoring running now means a busy instance: dropping here keeps the work from being held (and aged
        // into older GC generations) while it waits for an idle moment that a saturated instance rarely has.
        if (Volatile.Read(ref servedInFlight) == 0 && TryEnqueue(new ShadowWork(inputs, servedResults, Stopwatch.GetTimestamp())))
        {
            return true;
        }

        Dropped();
        return false;
    }

    /// <summary>This instance's numbers.</summary>
    public ReleaseSnapshot Snapshot()
    {
        ShadowStats? shadow = null;
        if (Spec.Mode == ReleaseMode.Shadow)
        {
            lock (shadowSync)
            {
                shadow = new ShadowStats(
                    shadowCompared,
                    shadowCompared == 0 ? 0 : shadowLogRatioSum / shadowCompared,
                    shadowCompared == 0 ? 0 : (double)shadowApart / shadowCompared,
                    Interlocked.Read(ref shadowDropped));
            }
        }

        return new ReleaseSnapshot(served.Snapshot(), candidate.Snapshot(), shadow);
    }

    /// <summary>Takes a widened (or narrowed) fraction, mode or guards of the same release.</summary>
    internal void Update(ModelRelease changed) => Volatile.Write(ref spec, changed);

    /// <summary>Why the candidate is worse beyond the guards, or null while it is not (or too few requests were seen).</summary>
    public string? BrokenGuard()
    {
        var guards = Spec.Guards;
        var snapshot = Snapshot();
        var (s, c) = (snapshot.Served, snapshot.Candidate);
        if (c.Requests < guards.MinRequests)
        {
            return null;
        }

        if (c.ErrorRate - s.ErrorRate > guards.MaxErrorRateIncrease)
        {
            return FormattableString.Invariant(
                $"candidate version {c.Version} failed {c.ErrorRate:P1} of {c.Requests} requests, served version {s.Version} {s.ErrorRate:P1}; the allowed increase is {guards.MaxErrorRateIncrease:P1}");
        }

        if (s.Requests >= guards.MinRequests && s.P99Ms is > 0 && c.P99Ms is double p99 && p99 > s.P99Ms.Value * guards.MaxLatencyRatio)
        {
            return FormattableString.Invariant(
                $"candidate version {c.Version} p99 latency {p99:0.###} ms is above {guards.MaxLatencyRatio:0.##} x served version {s.Version}'s {s.P99Ms:0.###} ms");
        }

        if (snapshot.Shadow is { Compared: > 0 } shadow && shadow.MeanAbsLogRatio > guards.MaxDivergence)
        {
            return FormattableString.Invariant(
                $"candidate version {c.Version} forecasts diverge from served version {s.Version}'s: mean absolute log-ratio {shadow.MeanAbsLogRatio:0.####} over {shadow.Compared} forecasts, above {guards.MaxDivergence:0.####}");
        }

        return null;
    }

    /// <summary>The OS id of the shadow worker's thread once it lowered its priority (Linux), else null.</summary>
    internal int? ShadowWorkerThreadId => Volatile.Read(ref shadowWorkerThreadId) is > 0 and var id ? id : null;

    /// <summary>
    /// Stops the shadow worker: work still queued is dropped, and the worker's thread ends once the scheduler gives it
    /// a core (after a scoring in progress). Not waited for: at the lowest priority on a busy host that may take long,
    /// and the caller holds the model's reload gate.
    /// </summary>
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            shadowQueue.CompleteAdding();
        }

        return ValueTask.CompletedTask;
    }

    private void CheckGuards()
    {
        if (Volatile.Read(ref aborting) != 0 || BrokenGuard() is not { } reason)
        {
            return;
        }

        if (Interlocked.Exchange(ref aborting, 1) == 0)
        {
            AbortReason = reason;
            CoreLog.GuardBroken(logger, modelName, Spec.Id, Spec.Version, reason);

            // Off the request's path: the abort writes to the store.
            _ = Task.Run(() => abort(this, reason));
        }
    }

    // Runs on its own thread of the lowest OS priority (see BackgroundPriority): the scheduler hands it a core only
    // when no request's thread wants one, which a check in user space (servedInFlight) cannot do for the parts of a
    // request outside scoring (parsing, writing the answer, Kestrel's I/O).
    private void ShadowLoop()
    {
        Volatile.Write(ref shadowWorkerThreadId, shadowPriority == ShadowPriority.Lowest ? BackgroundPriority.LowerCurrentThread() ?? 0 : 0);
        try
        {
            foreach (var work in shadowQueue.GetConsumingEnumerable())
            {
                if (Volatile.Read(ref disposed) != 0)
                {
                    break;
                }

                if (!Idle(work.Offered))
                {
                    Dropped();
                    continue;
                }

                Score(work);
            }
        }
        finally
        {
            shadowQueue.Dispose();
        }
    }

    private void Score(ShadowWork work)
    {
        long started = Stopwatch.GetTimestamp();
        IReadOnlyList<ForecastPrediction>? results;
        try
        {
            // On this thread alone: PredictBatch would split a large batch over normal-priority pool threads.
            results = Candidate.PredictBatchOnThisThread(work.Inputs);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            CoreLog.ShadowScoringFailed(logger, modelName, Spec.Version, ex);
            results = null;
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        if (results is not null)
        {
            Compare(work.Served, results);
        }

        RecordCandidate(elapsed, results);
    }

    // Waits (sleeping a millisecond at a time) until no served scoring runs; false when the work waited too long for that.
    private bool Idle(long offered)
    {
        while (Volatile.Read(ref servedInFlight) > 0)
        {
            if (Stopwatch.GetElapsedTime(offered) > MaxShadowWait || Volatile.Read(ref disposed) != 0)
            {
                return false;
            }

            Thread.Sleep(1);
        }

        return true;
    }

    private bool TryEnqueue(ShadowWork work)
    {
        try
        {
            return shadowQueue.TryAdd(work);
        }
        catch (InvalidOperationException)
        {
            // The release ended (adding completed, or the queue disposed) while this request still held it.
            return false;
        }
    }

    private void Dropped()
    {
        Interlocked.Increment(ref shadowDropped);
        telemetry?.RecordDropped(modelName, Spec.Version);
    }

    private void Compare(IReadOnlyList<ForecastPrediction> servedResults, IReadOnlyList<ForecastPrediction> candidateResults)
    {
        int count = Math.Min(servedResults.Count, candidateResults.Count);
        double sum = 0;
        int apart = 0;
        for (int i = 0; i < count; i++)
        {
            double archived = AbsLogRatio(candidateResults[i].ArchivedGbNextPeriod, servedResults[i].ArchivedGbNextPeriod);
            double savings = AbsLogRatio(candidateResults[i].SavingsGbNextPeriod, servedResults[i].SavingsGbNextPeriod);
            double distance = (archived + savings) / 2;
            sum += distance;
            if (Math.Max(archived, savings) > TwentyPercent)
            {
                apart++;
            }

            telemetry?.RecordDivergence(modelName, Spec.Version, distance);
        }

        lock (shadowSync)
        {
            shadowCompared += count;
            shadowLogRatioSum += sum;
            shadowApart += apart;
        }
    }

    // Forecasts are GB and may be zero; 1 + x keeps the ratio finite and is the log space the model trains in.
    private static double AbsLogRatio(double candidateValue, double servedValue) =>
        Math.Abs(Math.Log((1 + Math.Max(candidateValue, 0)) / (1 + Math.Max(servedValue, 0))));

    private sealed record ShadowWork(IReadOnlyList<ForecastInput> Inputs, IReadOnlyList<ForecastPrediction> Served, long Offered);
}
