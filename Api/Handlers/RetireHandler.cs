using ArchiveForecast.Api.Problems;
using ArchiveForecast.Api.Responses;
using ArchiveForecast.Core.Inference;
using ArchiveForecast.Core.Registry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Api.Handlers;

/// <summary>
/// <c>POST /api/models/{name}/retire</c>: marks a model name unused, so that a typo'd or abandoned model stops
/// answering (404 everywhere) while its versions and runs stay in the store. The default model cannot be retired.
/// </summary>
public sealed class RetireHandler(ModelRegistry registry, ModelCatalog catalog, ModelLookup models, TimeProvider timeProvider, ILogger<RetireHandler> logger)
{
    /// <summary>Retires <paramref name="modelName"/>.</summary>
    public Task<IResult> HandleAsync(HttpRequest request, string modelName, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(request, logger, () => RetireAsync(request, modelName, cancellationToken), cancellationToken);

    private async Task<IResult> RetireAsync(HttpRequest request, string? routeName, CancellationToken cancellationToken)
    {
        if (models.Parse(routeName) is not { } modelName)
        {
            return ModelLookup.UnknownModel(request, routeName);
        }

        if (string.Equals(modelName, models.DefaultName, StringComparison.Ordinal))
        {
            return ApiProblems.Create(request, ProblemTypes.Conflict, $"'{modelName}' is the default model of this service and cannot be retired.");
        }

        if (!await registry.SetRetiredAsync(modelName, retire: true, PointerChangeResults.Actor, "retired through the HTTP API", cancellationToken))
        {
            return ModelLookup.UnknownModel(request, modelName);
        }

        catalog.Forget(modelName);
        ApiLog.ModelRetired(logger, modelName);
        return new ApiJsonResult<RetireResponse>(StatusCodes.Status200OK, new RetireResponse(modelName, Retired: true, timeProvider.GetUtcNow()));
    }
}
