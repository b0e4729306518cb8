using ArchiveForecast.Api.Responses;
using ArchiveForecast.Api.Security;
using ArchiveForecast.Core.Drift;
using ArchiveForecast.Core.Registry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Api.Handlers;

/// <summary>
/// <c>GET /api/model/info</c> and <c>GET /api/models/{name}</c>: the served version's card and manifest, and the drift
/// of its recent inputs. Only admin-key callers see the full card (<see cref="ModelCardViews"/>).
/// </summary>
public sealed class ModelInfoHandler(ModelLookup models, ILogger<ModelInfoHandler> logger, DriftTracker? drift = null, ModelRegistry? registry = null)
{
    /// <summary>Describes the served version of the default model (<paramref name="modelName"/> null) or a named one.</summary>
    public Task<IResult> HandleAsync(HttpRequest request, string? modelName, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(request, logger, () => DescribeAsync(request, modelName, cancellationToken), cancellationToken);

    private async Task<IResult> DescribeAsync(HttpRequest request, string? modelName, CancellationToken cancellationToken)
    {
        var name = models.Parse(modelName);
        if (name is null || await models.FindAsync(name, cancellationToken) is not { } served)
        {
            return ModelLookup.UnknownModel(request, modelName);
        }

        var model = served.Current;
        if (model is null)
        {
            return models.Unavailable(request, served);
        }

        var state = served.LoadState;
        return new ApiJsonResult<ModelInfoResponse>(
            StatusCodes.Status200OK,
            new ModelInfoResponse(
                new ServedModelInfo(model.Name, model.Version, model.LoadedAt),
                CallerLevel.IsAdmin(request.HttpContext) || model.Card is null ? model.Card : ModelCardViews.ForClients(model.Card),
                model.Manifest,
                model.Quantiles,
                new LoadStateInfo(state.LastAttemptAt, state.ConsecutiveFailures > 0, state.ConsecutiveFailures),
                drift?.Snapshot(model),
                await PromotionAsync(name, cancellationToken)));
    }

    private async Task<PromotionInfo?> PromotionAsync(ModelName modelName, CancellationToken cancellationToken)
    {
        if (registry is null)
        {
            return null;
        }

        try
        {
            var pointer = (await registry.GetPointerAsync(modelName, cancellationToken))?.Value;
            return pointer is null ? null : new PromotionInfo(pointer.Version, pointer.RollbackPath(), pointer.UpdatedAt, pointer.UpdatedBy, pointer.Reason);
        }
        catch (InvalidDataException)
        {
            // A pointer that cannot be read is the served model's load state to report; the card is still worth showing.
            return null;
        }
    }
}
