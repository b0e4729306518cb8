using ArchiveForecast.Api.Handlers;
using ArchiveForecast.Api.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ArchiveForecast.Api.Hosting;

/// <summary>Which handler answers each route of <see cref="ApiRoutes"/>, with its route values bound.</summary>
public static class ApiRouteHandlers
{
    /// <summary>The handler call of <paramref name="route"/>.</summary>
    public static Func<HttpContext, Task<IResult>> For(ApiRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        return route.Name switch
        {
            "Predict" => c => Get<PredictHandler>(c).HandleAsync(c.Request, null, c.RequestAborted),
            "PredictModel" => c => Get<PredictHandler>(c).HandleAsync(c.Request, Value(c, "name"), c.RequestAborted),
            "Health" => c => Get<HealthHandler>(c).HandleAsync(c.Request, c.RequestAborted),
            "ModelInfo" => c => Get<ModelInfoHandler>(c).HandleAsync(c.Request, null, c.RequestAborted),
            "NamedModelInfo" => c => Get<ModelInfoHandler>(c).HandleAsync(c.Request, Value(c, "name"), c.RequestAborted),
            "ModelVersions" => c => Get<VersionsHandler>(c).HandleAsync(c.Request, Value(c, "name"), c.RequestAborted),
            "ReloadModel" => c => Get<ReloadHandler>(c).HandleAsync(c.Request, null, c.RequestAborted),
            "PromoteModel" => c => Get<PromoteHandler>(c).HandleAsync(c.Request, Value(c, "name"), c.RequestAborted),
            "RollbackModel" => c => Get<RollbackHandler>(c).HandleAsync(c.Request, Value(c, "name"), c.RequestAborted),
            "GetRelease" => c => Get<ReleaseHandler>(c).GetAsync(c.Request, Value(c, "name"), c.RequestAborted),
            "StartRelease" => c => Get<ReleaseHandler>(c).StartAsync(c.Request, Value(c, "name"), c.RequestAborted),
            "StopRelease" => c => Get<ReleaseHandler>(c).StopAsync(c.Request, Value(c, "name"), c.RequestAborted),
            "RetireModel" => c => Get<RetireHandler>(c).HandleAsync(c.Request, Value(c, "name"), c.RequestAborted),
            "Retrain" => c => Get<RetrainHandler>(c).HandleAsync(c.Request, c.RequestAborted),
            "GetRun" => c => Get<RunsHandler>(c).HandleAsync(c.Request, Value(c, "run_id"), c.RequestAborted),
            "OpenApi" => c => Get<OpenApiHandler>(c).HandleAsync(c.Request, c.RequestAborted),
            "Ui" => c => Get<UiHandler>(c).HandleAsync(c.Request, c.RequestAborted),
            _ => throw new ArgumentException($"No handler for route {route.Name}.", nameof(route)),
        };
    }

    private static T Get<T>(HttpContext context)
        where T : notnull => context.RequestServices.GetRequiredService<T>();

    private static string Value(HttpContext context, string name) =>
        context.Request.RouteValues[name] as string ?? string.Empty;
}
