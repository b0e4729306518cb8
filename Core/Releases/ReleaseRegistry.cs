using System.Globalization;
using System.Text.Json;
using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Inference;
using ArchiveForecast.Core.Registry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArchiveForecast.Core.Releases;

/// <summary>
/// Starts and ends releases in a model's pointer (<c>{model}/current.json</c>), by the same compare-and-swap on the
/// pointer's ETag as promote and rollback, and keeps the record of each ended release at <c>{model}/releases/{id}.json</c>.
/// </summary>
/// <remarks>
/// A promote or rollback writes a pointer without a release, so it ends one: promoting the candidate finishes it, and
/// any other pointer change stops it. Because every writer swaps on the ETag it read, a start racing a promote leaves
/// exactly one of them in the pointer and the other gets a conflict.
/// </remarks>
public sealed class ReleaseRegistry(ModelRegistry registry, TimeProvider timeProvider, ILogger? logger = null)
{
    private const int EndAttempts = 5;

    private readonly ILogger log = logger ?? NullLogger.Instance;

    /// <summary>The path of a release's record.</summary>
    public static string RecordPath(string modelName, string releaseId) => $"{modelName}/releases/{releaseId}.json";

    /// <summary>The pointer of a model with its release, or null when no version was ever promoted.</summary>
    public Task<PointerState?> GetAsync(ModelName modelName, CancellationToken cancellationToken) =>
        registry.GetPointerAsync(modelName, cancellationToken);

    /// <summary>
    /// Starts a release of <paramref name="start"/>'s version, after verifying the candidate's files against its manifest
    /// and loading it with its canary self-check; or widens the running release when it has the same candidate.
    /// </summary>
    /// <exception cref="ArgumentException">The fraction is outside (0, 1].</exception>
    public async Task<ReleaseChange> StartAsync(ModelName modelName, ReleaseStart start, ReleaseGuards defaultGuards, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(defaultGuards);
        if (!ReleaseStart.IsValidFraction(start.Fraction))
        {
            throw new ArgumentException("A release fraction is above 0 and at most 1.", nameof(start));
        }

        var state = await registry.GetPointerAsync(modelName, cancellationToken);
        if (state is null)
        {
            return new(ReleaseChangeStatus.NoServedVersion, null, null, $"'{modelName}' has no promoted version to release a candidate beside; promote one first.");
        }

        var pointer = state.Value;
        if (start.Version == pointer.Version)
        {
            return new(ReleaseChangeStatus.SameAsServed, state, null,
                Invariant($"Version {start.Version} is the served version of '{modelName}'; a release needs another version."));
        }

        if (pointer.Release is { } running && running.Version != start.Version)
        {
            return new(ReleaseChangeStatus.AlreadyRunning, state, running,
                Invariant($"Release {running.Id} of version {running.Version} is running on '{modelName}'; stop it or promote first."));
        }

        if (pointer.Release is null && await VerifyAsync(modelName, start.Version, cancellationToken) is { } refused)
        {
            return refused with { State = state };
        }

        var guards = start.Guards ?? defaultGuards;
        var release = pointer.Release is { } same
            ? same with { Fraction = start.Fraction, Mode = start.Mode, Guards = guards }
            : new ModelRelease(NewId(), start.Version, start.Fraction, start.Mode, timeProvider.GetUtcNow(), actor, guards);
        var written = await WriteAsync(modelName, pointer with { Release = release }, state.ETag, cancellationToken);
        if (written is null)
        {
            return new(ReleaseChangeStatus.Conflict, null, null, $"The pointer of '{modelName}' changed meanwhile; read it again and retry.");
        }

        CoreLog.ReleaseStarted(log, modelName, release.Id, release.Version, ModeName(release.Mode), release.Fraction, actor);
        bool updated = pointer.Release is not null;
        return new(updated ? ReleaseChangeStatus.Updated : ReleaseChangeStatus.Started, written, release,
            Invariant($"Release {release.Id} of '{modelName}' version {release.Version}: {ModeName(release.Mode)} at {release.Fraction:0.####} beside version {pointer.Version}{(updated ? " (updated)" : string.Empty)}."));
    }

    /// <summary>
    /// Ends the running release (only the one named <paramref name="releaseId"/>, when given), and writes its record.
    /// Retries when the pointer changes meanwhile, as long as the same release is still in it.
    /// </summary>
    public async Task<ReleaseChange> EndAsync(
        ModelName modelName,
        string? releaseId,
        ReleaseOutcome outcome,
        string actor,
        string reason,
        ReleaseSnapshot? stats,
        CancellationToken cancellationToken)
    {
        for (int attempt = 0; attempt < EndAttempts; attempt++)
        {
            var state = await registry.GetPointerAsync(modelName, cancellationToken);
            if (state?.Value.Release is not { } release || (releaseId is not null && release.Id != releaseId))
            {
                return new(ReleaseChangeStatus.NotRunning, state, null,
                    releaseId is null ? $"No release of '{modelName}' is running." : $"Release {releaseId} of '{modelName}' is no longer running.");
            }

            var written = await WriteAsync(modelName, state.Value with { Release = null }, state.ETag, cancellationToken);
            if (written is null)
            {
                continue;
            }

            var record = new ReleaseRecord(modelName, state.Value.Version, release, outcome, reason, timeProvider.GetUtcNow(), actor, stats);
            await registry.Store.WriteAsync(
                RecordPath(modelName, release.Id), JsonSerializer.SerializeToUtf8Bytes(record, ArtifactJson.Options), WritePrecondition.None, cancellationToken);
            CoreLog.ReleaseEnded(log, modelName, release.Id, release.Version, outcome == ReleaseOutcome.Aborted ? "aborted" : "stopped", actor);
            return new(ReleaseChangeStatus.Ended, written, release,
                Invariant($"Release {release.Id} of '{modelName}' version {release.Version} ended ({(outcome == ReleaseOutcome.Aborted ? "aborted" : "stopped")}); all traffic goes to version {state.Value.Version}."),
                record);
        }

        return new(ReleaseChangeStatus.Conflict, null, null, $"The pointer of '{modelName}' kept changing; retry.");
    }

    /// <summary>The record of an ended release, or null.</summary>
    public async Task<ReleaseRecord?> GetRecordAsync(ModelName modelName, string releaseId, CancellationToken cancellationToken)
    {
        var stored = await registry.Store.ReadAsync(RecordPath(modelName, releaseId), ModelRegistry.MaxJsonBytes, cancellationToken);
        return stored is null ? null : JsonSerializer.Deserialize<ReleaseRecord>(stored.Content.Span, ArtifactJson.Options);
    }

    /// <summary>The name of a mode in the contract: <c>split</c> or <c>shadow</c>.</summary>
    public static string ModeName(ReleaseMode mode) => mode == ReleaseMode.Shadow ? "shadow" : "split";

    private async Task<ReleaseChange?> VerifyAsync(ModelName modelName, int version, CancellationToken cancellationToken)
    {
        if (await registry.Store.GetETagAsync(RegistryPaths.VersionFile(modelName, version, ArtifactFiles.Manifest), cancellationToken) is null)
        {
            return new(ReleaseChangeStatus.VersionNotFound, null, null,
                Invariant($"'{modelName}' version {version} does not exist or its publish did not finish (no manifest)."));
        }

        try
        {
            // The same checks as serving it: every file against the manifest, then the load and the canary self-check.
            var verified = await registry.LoadVersionAsync(modelName, version, cancellationToken);
            using var loaded = ForecastModel.Load(verified, timeProvider);
            return null;
        }
        catch (Exception ex) when (ex is ArtifactVerificationException or ModelSelfCheckException or InvalidDataException)
        {
            return new(ReleaseChangeStatus.VersionInvalid, null, null, ex.Message);
        }
    }

    private async Task<PointerState?> WriteAsync(string modelName, ModelPointer pointer, string etag, CancellationToken cancellationToken)
    {
        var written = await registry.Pointers.ReplaceAsync(modelName, pointer, etag, cancellationToken);
        return written is null ? null : new PointerState(pointer, written);
    }

    private string NewId() =>
        string.Create(CultureInfo.InvariantCulture, $"{timeProvider.GetUtcNow():yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().AsSpan(0, 3))}");

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
