using ArchiveForecast.Api.Input;
using ArchiveForecast.Api.Problems;
using ArchiveForecast.Api.Responses;
using ArchiveForecast.Core.Registry;
using ArchiveForecast.Core.Releases;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Api.Handlers;

/// <summary>
/// <c>/api/models/{name}/release</c>: <c>GET</c> watches the running release (function key), <c>POST</c> starts or
/// widens one and <c>DELETE</c> stops it (admin). The release lives in the model's pointer; this instance follows a
/// change at once, the others on their next poll.
/// </summary>
public sealed class ReleaseHandler(
    ModelRegistry registry,
    ReleaseRegistry releases,
    ModelLookup models,
    IOptions<ReleaseOptions> options,
    TimeProvider timeProvider,
    ILogger<ReleaseHandler> logger)
{
    /// <summary>This instance's view of the release of <paramref name="modelName"/>.</summary>
    public Task<IResult> GetAsync(HttpRequest request, string modelName, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(request, logger, () => StatusAsync(request, modelName, cancellationToken), cancellationToken);

    /// <summary>Starts (or widens) a release of <paramref name="modelName"/>.</summary>
    public Task<IResult> StartAsync(HttpRequest request, string modelName, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(request, logger, () => StartReleaseAsync(request, modelName, cancellationToken), cancellationToken);

    /// <summary>Stops the release of <paramref name="modelName"/>.</summary>
    public Task<IResult> StopAsync(HttpRequest request, string modelName, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(request, logger, () => StopReleaseAsync(request, modelName, cancellationToken), cancellationToken);

    private async Task<IResult> StatusAsync(HttpRequest request, string routeName, CancellationToken cancellationToken)
    {
        if (models.Parse(routeName) is not { } modelName || !await registry.ModelExistsAsync(modelName, cancellationToken))
        {
            return ModelLookup.UnknownModel(request, routeName);
        }

        var state = await releases.GetAsync(modelName, cancellationToken);
        if (state?.Value.Release is not { } release)
        {
            return ApiProblems.NotFound(request, $"No release of '{modelName}' is running.");
        }

        var served = await models.FindAsync(modelName, cancellationToken);
        var active = served?.Release;
        bool following = active is not null && active.Spec.Id == release.Id;
        var snapshot = following ? active!.Snapshot() : null;
        return new ApiJsonResult<ReleaseStatusResponse>(
            StatusCodes.Status200OK,
            new ReleaseStatusResponse(
                modelName,
                state.Value.Version,
                ReleaseView.Of(release, timeProvider.GetUtcNow()),
                following,
                snapshot?.Served,
                snapshot?.Candidate,
                snapshot?.Shadow,
                following ? active!.AbortReason : null));
    }

    private async Task<IResult> StartReleaseAsync(HttpRequest request, string routeName, CancellationToken cancellationToken)
    {
        if (models.Parse(routeName) is not { } modelName)
        {
            return ModelLookup.UnknownModel(request, routeName);
        }

        var body = await JsonBodyReader.ReadAsync(request, ReleaseRequestParser.Parse, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        ReleaseRequest start = body.Value!;

        if (!await registry.ModelExistsAsync(modelName, cancellationToken))
        {
            return ModelLookup.UnknownModel(request, modelName);
        }

        var defaults = options.Value.DefaultGuards();
        var change = await releases.StartAsync(
            modelName,
            new ReleaseStart(start.Version, start.Fraction, start.Mode, start.GuardsOver(defaults)),
            defaults,
            PointerChangeResults.Actor,
            cancellationToken);
        ApiLog.ReleaseChanged(logger, modelName, "start", change.Status);
        return change.Status switch
        {
            ReleaseChangeStatus.Started or ReleaseChangeStatus.Updated =>
                await ChangedAsync(modelName, change, change.Status == ReleaseChangeStatus.Started ? "started" : "updated", cancellationToken),
            ReleaseChangeStatus.VersionNotFound => ApiProblems.NotFound(request, change.Detail),
            ReleaseChangeStatus.VersionInvalid or ReleaseChangeStatus.SameAsServed => ApiProblems.Create(request, ProblemTypes.Validation, change.Detail),
            _ => ApiProblems.Create(request, ProblemTypes.Conflict, change.Detail),
        };
    }

    private async Task<IResult> StopReleaseAsync(HttpRequest request, string routeName, CancellationToken cancellationToken)
    {
        if (models.Parse(routeName) is not { } modelName || !await registry.ModelExistsAsync(modelName, cancellationToken))
        {
            return ModelLookup.UnknownModel(request, routeName);
        }

        var served = await models.FindServingAsync(modelName, cancellationToken);
        var change = await releases.EndAsync(
            modelName, null, ReleaseOutcome.Stopped, PointerChangeResults.Actor, "stopped through the HTTP API", served?.Release?.Snapshot(), cancellationToken);
        ApiLog.ReleaseChanged(logger, modelName, "stop", change.Status);
        return change.Status switch
        {
            ReleaseChangeStatus.Ended => await ChangedAsync(modelName, change, "stopped", cancellationToken),
            ReleaseChangeStatus.NotRunning => ApiProblems.NotFound(request, change.Detail),
            _ => ApiProblems.Create(request, ProblemTypes.Conflict, change.Detail),
        };
    }

    private async Task<IResult> ChangedAsync(ModelName modelName, ReleaseChange change, string status, CancellationToken cancellationToken)
    {
        // This instance follows at once; the others on their next poll of the pointer.
        if (await models.FindServingAsync(modelName, cancellationToken) is { } served)
        {
            await served.ReloadAsync(force: false, cancellationToken);
        }

        return new ApiJsonResult<ReleaseChangeResponse>(
            StatusCodes.Status200OK,
            new ReleaseChangeResponse(modelName, change.State!.Value.Version, ReleaseView.Of(change.Release!, timeProvider.GetUtcNow()), status, change.Detail));
    }
}
