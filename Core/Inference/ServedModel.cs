using System.Diagnostics.CodeAnalysis;
using ArchiveForecast.Core.Registry;
using ArchiveForecast.Core.Releases;
using ArchiveForecast.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArchiveForecast.Core.Inference;

/// <summary>
/// Holds the served version of one model name. <see cref="Current"/> is swapped atomically only after a new version
/// loaded, verified and passed its self-check; any failure keeps the last good model and records why.
/// </summary>
/// <remarks>
/// Reloads of one model are serialized. A version that failed verification or its self-check is not downloaded again
/// while the pointer stays the same (unless forced); a failure of the store is retried on the next reload. Replaced
/// models are not disposed: a request may still hold one, and they hold no native resources, so the garbage collector
/// reclaims them once the last request lets go.
/// </remarks>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "The SemaphoreSlim never allocates its wait handle (AvailableWaitHandle is not used), so there is nothing to dispose.")]
public sealed class ServedModel
{
    private readonly ModelRegistry registry;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly ArchiveForecastTelemetry? telemetry;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly ReleaseRegistry releases;
    private readonly int shadowQueueCapacity;
    private readonly ShadowPriority shadowPriority;
    private readonly ModelName modelName;
    private ForecastModel? current;
    private ModelLoadState loadState = new(null, null, 0);
    private string? servedETag;
    private string? knownBadETag;
    private string? knownBadError;
    private ActiveRelease? release;
    private ModelPointer? seenPointer;
    private bool pointerRead;
    private string? failedReleaseId;

    /// <summary>Creates the holder of <paramref name="name"/> (parsed where it entered); nothing is loaded until <see cref="ReloadAsync"/>.</summary>
    public ServedModel(
        ModelName name,
        ModelRegistry registry,
        TimeProvider timeProvider,
        ILogger<ServedModel>? logger = null,
        ArchiveForecastTelemetry? telemetry = null,
        ReleaseOptions? releaseOptions = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        modelName = name;
        Name = name.Value;
        this.registry = registry;
        this.timeProvider = timeProvider;
        this.logger = logger ?? (ILogger)NullLogger.Instance;
        this.telemetry = telemetry;
        releases = new ReleaseRegistry(registry, timeProvider, this.logger);
        shadowQueueCapacity = (releaseOptions ?? new ReleaseOptions()).ShadowQueueCapacity;
        shadowPriority = (releaseOptions ?? new ReleaseOptions()).ShadowPriority;
    }

    /// <summary>The model name.</summary>
    public string Name { get; }

    /// <summary>The model served now, or null when none has ever loaded. Read it once per request.</summary>
    public ForecastModel? Current => Volatile.Read(ref current);

    /// <summary>
    /// The release this instance runs beside <see cref="Current"/>, or null. It follows the pointer's release on every
    /// reload, once the candidate loaded and the served version is the pointer's. Read it once per request.
    /// </summary>
    public ActiveRelease? Release => Volatile.Read(ref release);

    /// <summary>What the last load attempt did.</summary>
    public ModelLoadState LoadState => Volatile.Read(ref loadState);

    /// <summary>Reads the pointer and loads the version it names if that is not the one served (or always, with <paramref name="force"/>).</summary>
    /// <remarks>Never throws for a failed load (the result says <see cref="ReloadOutcome.Failed"/>); only cancellation escapes.</remarks>
    public async Task<ReloadResult> ReloadAsync(bool force, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var result = await ReloadCoreAsync(force, cancellationToken);
            await FollowReleaseAsync(cancellationToken);
            return result;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Loads once if no load was ever attempted; waits for a load in progress.</summary>
    internal async Task EnsureLoadAttemptedAsync(CancellationToken cancellationToken)
    {
        if (LoadState.LastAttemptAt is not null)
        {
            return;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (LoadState.LastAttemptAt is null)
            {
                await ReloadCoreAsync(force: false, cancellationToken);
                await FollowReleaseAsync(cancellationToken);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private static bool IsCancellation(Exception ex, CancellationToken cancellationToken) =>
        ex is OperationCanceledException && cancellationToken.IsCancellationRequested;

    private async Task<ReloadResult> ReloadCoreAsync(bool force, CancellationToken cancellationToken)
    {
        var served = Current;
        PointerState? pointer;
        pointerRead = false;
        try
        {
            pointer = await registry.GetPointerAsync(modelName, cancellationToken);
            seenPointer = pointer?.Value;
            pointerRead = true;
        }
        catch (Exception ex) when (!IsCancellation(ex, cancellationToken))
        {
            // Every failure keeps the last good model; the message avoids store internals (paths, URLs), the log has them.
            var message = ex is InvalidDataException
                ? ex.Message
                : $"Reading the pointer of '{Name}' failed: the model store could not be read ({ex.GetType().Name}).";
            return Fail(null, ex, message);
        }

        if (pointer is null)
        {
            var message = served is null
                ? $"No version of '{Name}' has been promoted yet."
                : $"The pointer of '{Name}' is missing; still serving version {served.Version}.";
            SetState(new ModelLoadState(timeProvider.GetUtcNow(), message, 0));
            CoreLog.NoPromotedVersion(logger, Name, served?.Version);
            return new ReloadResult(ReloadOutcome.NoPointer, served?.Version, message);
        }

        int version = pointer.Value.Version;
        if (!force && served is not null && (pointer.ETag == servedETag || version == served.Version))
        {
            servedETag = pointer.ETag;
            SetState(new ModelLoadState(timeProvider.GetUtcNow(), null, 0));
            return new ReloadResult(ReloadOutcome.Unchanged, served.Version, null);
        }

        if (!force && pointer.ETag == knownBadETag)
        {
            CoreLog.KnownBadVersionSkipped(logger, Name, version);
            return new ReloadResult(ReloadOutcome.Failed, served?.Version, knownBadError);
        }

        ForecastModel loaded;
        using var activity = telemetry?.StartModelLoad(Name, version);
        long started = timeProvider.GetTimestamp();
        try
        {
            var verified = await registry.LoadVersionAsync(modelName, version, cancellationToken);
            loaded = ForecastModel.Load(verified, timeProvider);
        }
        catch (Exception ex) when (!IsCancellation(ex, cancellationToken))
        {
            // Verification and self-check failures are properties of the immutable version: retrying cannot fix them.
            bool permanent = ex is ArtifactVerificationException or ModelSelfCheckException or InvalidDataException;
            var message = permanent
                ? ex.Message
                : $"Loading '{Name}' version {version} failed: the model store could not be read ({ex.GetType().Name}).";
            if (permanent)
            {
                knownBadETag = pointer.ETag;
                knownBadError = message;
            }

            return Fail(version, ex, message, timeProvider.GetElapsedTime(started));
        }

        Volatile.Write(ref current, loaded);
        servedETag = pointer.ETag;
        knownBadETag = null;
        knownBadError = null;
        SetState(new ModelLoadState(timeProvider.GetUtcNow(), null, 0));
        CoreLog.ModelSwapped(logger, Name, loaded.Version, served is null ? "none" : served.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        telemetry?.RecordModelLoaded(loaded, timeProvider.GetElapsedTime(started));
        return new ReloadResult(ReloadOutcome.Swapped, loaded.Version, null);
    }

    // Called under the gate after every reload: starts, updates or ends this instance's side of the pointer's release.
    private async Task FollowReleaseAsync(CancellationToken cancellationToken)
    {
        if (!pointerRead)
        {
            // The pointer could not be read: keep doing what the last one said.
            return;
        }

        var wanted = seenPointer?.Release;
        var active = Release;
        var servedModel = Current;
        bool runs = wanted is not null && servedModel is not null && servedModel.Version == seenPointer!.Version;
        if (active is not null && (!runs || active.Spec.Id != wanted!.Id || active.ServedVersion != servedModel!.Version))
        {
            Volatile.Write(ref release, null);
            await active.DisposeAsync();
            active = null;
        }

        if (!runs)
        {
            return;
        }

        if (active is not null)
        {
            if (!Equals(active.Spec, wanted))
            {
                active.Update(wanted!);
            }

            return;
        }

        if (wanted!.Id == failedReleaseId)
        {
            return;
        }

        ForecastModel candidate;
        try
        {
            var verified = await registry.LoadVersionAsync(modelName, wanted.Version, cancellationToken);
            candidate = ForecastModel.Load(verified, timeProvider);
        }
        catch (Exception ex) when (!IsCancellation(ex, cancellationToken))
        {
            // Answers stay with the served version; a candidate that cannot load here is not retried for this release.
            failedReleaseId = wanted.Id;
            CoreLog.ReleaseCandidateFailed(logger, Name, wanted.Id, wanted.Version, ex);
            return;
        }

        Volatile.Write(ref release, new ActiveRelease(Name, wanted, servedModel!.Version, candidate, shadowQueueCapacity, shadowPriority, telemetry?.Releases, AbortAsync, logger));
        CoreLog.ReleaseFollowed(logger, Name, wanted.Id, wanted.Version, ReleaseRegistry.ModeName(wanted.Mode), wanted.Fraction);
    }

    private async Task AbortAsync(ActiveRelease active, string reason)
    {
        try
        {
            var ended = await releases.EndAsync(
                modelName, active.Spec.Id, ReleaseOutcome.Aborted, "auto-abort", reason, active.Snapshot(), CancellationToken.None);
            if (ended.Status == ReleaseChangeStatus.Ended)
            {
                CoreLog.ReleaseAborted(logger, Name, active.Spec.Id, reason);
                telemetry?.Releases.RecordEnded(Name, active.Spec.Version, ReleaseOutcome.Aborted);
            }

            await ReloadAsync(force: false, CancellationToken.None);
        }
        catch (Exception ex)
        {
            CoreLog.ReleaseAbortFailed(logger, Name, active.Spec.Id, ex);
        }
    }

    private ReloadResult Fail(int? version, Exception exception, string message, TimeSpan? elapsed = null)
    {
        telemetry?.RecordModelLoadFailed(Name, version, exception, elapsed);
        int failures = LoadState.ConsecutiveFailures + 1;
        SetState(new ModelLoadState(timeProvider.GetUtcNow(), message, failures));
        var served = Current;
        CoreLog.ModelLoadFailed(logger, Name, version, failures, served?.Version, exception);
        return new ReloadResult(ReloadOutcome.Failed, served?.Version, message);
    }

    private void SetState(ModelLoadState state) => Volatile.Write(ref loadState, state);
}
