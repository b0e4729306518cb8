using ArchiveForecast.Api.Input;
using ArchiveForecast.Core.Registry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace ArchiveForecast.Api.Handlers;

/// <summary>
/// <c>POST /api/models/{name}/promote</c> with <c>{"version":N}</c>: swaps the pointer by compare-and-swap. The ETag is
/// the client's <c>If-Match</c> when it sends one, else the one this handler read; either way a pointer that changed
/// meanwhile gives 409 and nothing is written.
/// </summary>
public sealed class PromoteHandler(ModelRegistry registry, ModelLookup models, ILogger<PromoteHandler> logger)
{
    private const string Action = "Promote";

    /// <summary>Promotes a version of <paramref name="modelName"/>.</summary>
    public Task<IResult> HandleAsync(HttpRequest request, string? modelName, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(request, logger, () => PromoteAsync(request, modelName, cancellationToken), cancellationToken);

    private async Task<IResult> PromoteAsync(HttpRequest request, string? routeName, CancellationToken cancellationToken)
    {
        if (models.Parse(routeName) is not { } modelName)
        {
            return ModelLookup.UnknownModel(request, routeName);
        }

        var body = await JsonBodyReader.ReadAsync(request, PromoteRequestParser.Parse, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        PromoteRequest promote = body.Value!;

        if (!await registry.ModelExistsAsync(modelName, cancellationToken))
        {
            return ModelLookup.UnknownModel(request, modelName);
        }

        string? expected = IfMatch(request) ?? (await registry.GetPointerAsync(modelName, cancellationToken))?.ETag;
        var result = await registry.PromoteAsync(
            modelName, promote.Version, expected, PointerChangeResults.Actor, "promoted through the HTTP API", cancellationToken);
        return result is { Status: PointerChangeStatus.Changed, State: { } state }
            ? await PointerChangeResults.ChangedAsync(request, models, logger, Action, modelName, state, cancellationToken)
            : PointerChangeResults.Refused(request, logger, Action, modelName, result, promote.Version);
    }

    private static string? IfMatch(HttpRequest request)
    {
        string? value = request.Headers[HeaderNames.IfMatch].FirstOrDefault()?.Trim();
        return string.IsNullOrEmpty(value) || value == "*" ? null : value;
    }
}
