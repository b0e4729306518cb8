using ArchiveForecast.Core.Registry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Api.Handlers;

/// <summary><c>POST /api/models/{name}/rollback</c>: points the model back at its previous version (409 when there is none).</summary>
public sealed class RollbackHandler(ModelRegistry registry, ModelLookup models, ILogger<RollbackHandler> logger)
{
    private const string Action = "Rollback";

    /// <summary>Rolls <paramref name="modelName"/> back.</summary>
    public Task<IResult> HandleAsync(HttpRequest request, string? modelName, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(request, logger, () => RollbackAsync(request, modelName, cancellationToken), cancellationToken);

    private async Task<IResult> RollbackAsync(HttpRequest request, string? routeName, CancellationToken cancellationToken)
    {
        if (models.Parse(routeName) is not { } modelName)
        {
            return ModelLookup.UnknownModel(request, routeName);
        }

        if (!await registry.ModelExistsAsync(modelName, cancellationToken))
        {
            return ModelLookup.UnknownModel(request, modelName);
        }

        var result = await registry.RollbackAsync(modelName, PointerChangeResults.Actor, "rolled back through the HTTP API", cancellationToken);
        return result is { Status: PointerChangeStatus.Changed, State: { } state }
            ? await PointerChangeResults.ChangedAsync(request, models, logger, Action, modelName, state, cancellationToken)
            : PointerChangeResults.Refused(request, logger, Action, modelName, result, version: null);
    }
}
