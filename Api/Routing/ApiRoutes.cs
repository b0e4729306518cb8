using ArchiveForecast.Api.Handlers;
using static ArchiveForecast.Api.Routing.ApiResponseSpec;
using static ArchiveForecast.Api.Routing.ApiRouteHandlers;

namespace ArchiveForecast.Api.Routing;

/// <summary>
/// Every route of the contract, once, with the handler that answers it. The Kestrel mapping, the function classes, the
/// OpenAPI document and the Functions parity tests all read this table, so a route cannot exist in one place and not
/// in another. To add a route: a property here (its name is the function name), an entry in <see cref="All"/>, and a
/// <c>[Function(nameof(ApiRoutes.X))]</c> method in HttpForecast's function class of its area.
/// </summary>
public static class ApiRoutes
{
    private static readonly ApiResponseSpec BadRequest = new(400, "The body is not valid JSON or has the wrong shape.", SchemaNames.Problem, Problem);
    private static readonly ApiResponseSpec Unauthorized = new(401, "No key, a wrong key, or a function key on an admin route.", SchemaNames.Problem, Problem);
    private static readonly ApiResponseSpec ModelNotFound = new(404, "No such model.", SchemaNames.Problem, Problem);
    private static readonly ApiResponseSpec TooLarge = new(413, "The body is larger than 1 MiB.", SchemaNames.Problem, Problem);
    private static readonly ApiResponseSpec UnsupportedMediaType = new(415, "The body is not application/json.", SchemaNames.Problem, Problem);
    private static readonly ApiResponseSpec Invalid = new(422, "Well-formed, but values break the contract's rules.", SchemaNames.Problem, Problem);
    private static readonly ApiResponseSpec NoModel = new(503, "No model is loaded yet; retry after the Retry-After delay.", SchemaNames.Problem, Problem);
    private static readonly ApiResponseSpec NoModelOrBusy = new(503, "No model is loaded yet, or every prediction slot is taken (type busy); retry after the Retry-After delay.", SchemaNames.Problem, Problem);
    private static readonly ApiResponseSpec Unexpected = new(500, "An unexpected error; the body holds no internals.", SchemaNames.Problem, Problem);

    private static readonly ApiResponseSpec[] PredictResponses =
    [
        new(200, "One prediction per instance, in order, naming the model version that made them.", SchemaNames.PredictResponse),
        BadRequest, Unauthorized, ModelNotFound, TooLarge, UnsupportedMediaType, Invalid, NoModelOrBusy, Unexpected,
    ];

    private static readonly ApiResponseSpec[] ModelInfoResponses =
    [
        new(200, "The served version's model card and manifest.", SchemaNames.ModelInfo),
        Unauthorized, ModelNotFound, NoModel, Unexpected,
    ];

    /// <summary><c>POST /api/predict</c>: forecasts with the default model.</summary>
    public static ApiRoute Predict { get; } = new(
        nameof(Predict), "POST", "predict", KeyLevel.Function,
        "Forecast with the default model (1 to 1000 instances; ?explain=true adds feature contributions).",
        SchemaNames.PredictRequest, PredictResponses,
        Use<PredictHandler>((h, c) => h.HandleAsync(c.Request, modelName: null, c.CancellationToken)));

    /// <summary><c>POST /api/models/{name}/predict</c>: forecasts with a named model.</summary>
    public static ApiRoute PredictModel { get; } = new(
        nameof(PredictModel), "POST", "models/{name}/predict", KeyLevel.Function,
        "Forecast with a named model.", SchemaNames.PredictRequest, PredictResponses,
        Use<PredictHandler>((h, c) => h.HandleAsync(c.Request, c.Name, c.CancellationToken)));

    /// <summary><c>GET /api/health</c>: whether the default model is served.</summary>
    public static ApiRoute Health { get; } = new(
        nameof(Health), "GET", "health", KeyLevel.Anonymous,
        "Whether the default model is served, and which version.", null,
        [
            new(200, "A model is served.", SchemaNames.Health),
            new(503, "No model is served; the body says why in general terms.", SchemaNames.Health),
        ],
        Use<HealthHandler>((h, c) => h.HandleAsync(c.Request, c.CancellationToken)));

    /// <summary><c>GET /api/model/info</c>: the default model's card and manifest.</summary>
    public static ApiRoute ModelInfo { get; } = new(
        nameof(ModelInfo), "GET", "model/info", KeyLevel.Function,
        "The default model's served version: model card and manifest.", null, ModelInfoResponses,
        Use<ModelInfoHandler>((h, c) => h.HandleAsync(c.Request, modelName: null, c.CancellationToken)));

    /// <summary><c>GET /api/models/{name}</c>: a named model's card and manifest.</summary>
    public static ApiRoute NamedModelInfo { get; } = new(
        nameof(NamedModelInfo), "GET", "models/{name}", KeyLevel.Function,
        "A named model's served version: model card and manifest.", null, ModelInfoResponses,
        Use<ModelInfoHandler>((h, c) => h.HandleAsync(c.Request, c.Name, c.CancellationToken)));

    /// <summary><c>GET /api/models/{name}/versions</c>: every version of a model.</summary>
    public static ApiRoute ModelVersions { get; } = new(
        nameof(ModelVersions), "GET", "models/{name}/versions", KeyLevel.Function,
        "Every version of a model with its metrics, the current one and the candidates.", null,
        [new(200, "The versions, newest first.", SchemaNames.Versions), Unauthorized, ModelNotFound, Unexpected],
        Use<VersionsHandler>((h, c) => h.HandleAsync(c.Request, c.Name, c.CancellationToken)));

    /// <summary><c>POST /api/model/reload</c>: re-reads the default model's pointer now.</summary>
    public static ApiRoute ReloadModel { get; } = new(
        nameof(ReloadModel), "POST", "model/reload", KeyLevel.Admin,
        "Re-read the default model's pointer now and serve the version it names.", null,
        [
            new(200, "The version now served, and whether it changed.", SchemaNames.Reload),
            Unauthorized,
            new(503, "Nothing could be loaded; the last good model, if any, is still served.", SchemaNames.Problem, Problem),
            Unexpected,
        ],
        Use<ReloadHandler>((h, c) => h.HandleAsync(c.Request, modelName: null, c.CancellationToken)));

    /// <summary><c>POST /api/models/{name}/promote</c>: points a model at a version.</summary>
    public static ApiRoute PromoteModel { get; } = new(
        nameof(PromoteModel), "POST", "models/{name}/promote", KeyLevel.Admin,
        "Serve a version of a model (compare-and-swap of the pointer; If-Match is honoured).", SchemaNames.PromoteRequest,
        [
            new(200, "The pointer now names the version; the served model was reloaded.", SchemaNames.PointerChange),
            BadRequest, Unauthorized,
            new(404, "No such model or version.", SchemaNames.Problem, Problem),
            new(409, "The pointer changed meanwhile; read it again and retry.", SchemaNames.Problem, Problem),
            TooLarge, UnsupportedMediaType, Invalid, Unexpected,
        ],
        Use<PromoteHandler>((h, c) => h.HandleAsync(c.Request, c.Name, c.CancellationToken)));

    /// <summary><c>POST /api/models/{name}/rollback</c>: points a model back at its previous version.</summary>
    public static ApiRoute RollbackModel { get; } = new(
        nameof(RollbackModel), "POST", "models/{name}/rollback", KeyLevel.Admin,
        "Serve the previous version of a model again.", null,
        [
            new(200, "The pointer now names the previous version; the served model was reloaded.", SchemaNames.PointerChange),
            Unauthorized, ModelNotFound,
            new(409, "There is no previous version, or the pointer changed meanwhile.", SchemaNames.Problem, Problem),
            Unexpected,
        ],
        Use<RollbackHandler>((h, c) => h.HandleAsync(c.Request, c.Name, c.CancellationToken)));

    /// <summary><c>GET /api/models/{name}/release</c>: the running release and this instance's numbers of it.</summary>
    public static ApiRoute GetRelease { get; } = new(
        nameof(GetRelease), "GET", "models/{name}/release", KeyLevel.Function,
        "Watch the running release: mode, fraction, age, and this instance's requests, errors, latency and out-of-range rate per role, and the shadow comparison.", null,
        [
            new(200, "The release and this instance's view of it.", SchemaNames.ReleaseStatus),
            Unauthorized,
            new(404, "No such model, or no release is running.", SchemaNames.Problem, Problem),
            Unexpected,
        ],
        Use<ReleaseHandler>((h, c) => h.GetAsync(c.Request, c.Name, c.CancellationToken)));

    /// <summary><c>POST /api/models/{name}/release</c>: starts (or widens) a release of a candidate version.</summary>
    public static ApiRoute StartRelease { get; } = new(
        nameof(StartRelease), "POST", "models/{name}/release", KeyLevel.Admin,
        "Start a canary (split) or shadow release of a candidate version, or change the fraction of the running one (compare-and-swap of the pointer).", SchemaNames.ReleaseRequest,
        [
            new(200, "The pointer now holds the release; this instance follows it, the others on their next poll.", SchemaNames.ReleaseChange),
            BadRequest, Unauthorized,
            new(404, "No such model or version.", SchemaNames.Problem, Problem),
            new(409, "No version is served, another candidate's release is running, or the pointer changed meanwhile.", SchemaNames.Problem, Problem),
            TooLarge, UnsupportedMediaType,
            new(422, "Invalid values, the served version itself, or a candidate that fails hash or canary verification.", SchemaNames.Problem, Problem),
            Unexpected,
        ],
        Use<ReleaseHandler>((h, c) => h.StartAsync(c.Request, c.Name, c.CancellationToken)));

    /// <summary><c>DELETE /api/models/{name}/release</c>: stops the running release.</summary>
    public static ApiRoute StopRelease { get; } = new(
        nameof(StopRelease), "DELETE", "models/{name}/release", KeyLevel.Admin,
        "Stop the running release: all traffic goes back to the served version; the release's record is written.", null,
        [
            new(200, "The release ended.", SchemaNames.ReleaseChange),
            Unauthorized,
            new(404, "No such model, or no release is running.", SchemaNames.Problem, Problem),
            new(409, "The pointer kept changing; retry.", SchemaNames.Problem, Problem),
            Unexpected,
        ],
        Use<ReleaseHandler>((h, c) => h.StopAsync(c.Request, c.Name, c.CancellationToken)));

    /// <summary><c>POST /api/models/{name}/retire</c>: marks a model name unused.</summary>
    public static ApiRoute RetireModel { get; } = new(
        nameof(RetireModel), "POST", "models/{name}/retire", KeyLevel.Admin,
        "Retire a model name: it answers 404 everywhere until a new version is published (retrain with \"create\": true); nothing is deleted.", null,
        [
            new(200, "The model is retired.", SchemaNames.Retired),
            Unauthorized, ModelNotFound,
            new(409, "The default model of the service cannot be retired.", SchemaNames.Problem, Problem),
            Unexpected,
        ],
        Use<RetireHandler>((h, c) => h.HandleAsync(c.Request, c.Name, c.CancellationToken)));

    /// <summary><c>POST /api/retrain</c>: queues a training run.</summary>
    public static ApiRoute Retrain { get; } = new(
        nameof(Retrain), "POST", "retrain", KeyLevel.Admin,
        "Queue a training run of a model on a dataset of the training-data store.", SchemaNames.RetrainRequest,
        [
            new(202, "Queued; poll status_url for the run record.", SchemaNames.RetrainAccepted),
            BadRequest, Unauthorized, TooLarge, UnsupportedMediaType, Invalid,
            new(503, "The retraining queue is full (type busy); retry after the Retry-After delay.", SchemaNames.Problem, Problem),
            Unexpected,
        ],
        Use<RetrainHandler>((h, c) => h.HandleAsync(c.Request, c.CancellationToken)));

    /// <summary><c>GET /api/runs/{runId}</c>: a training run's record.</summary>
    public static ApiRoute GetRun { get; } = new(
        nameof(GetRun), "GET", "runs/{runId}", KeyLevel.Function,
        "A training run's record.", null,
        [
            new(200, "The run record.", SchemaNames.Run),
            Unauthorized,
            new(404, "No such run.", SchemaNames.Problem, Problem),
            Unexpected,
        ],
        Use<RunsHandler>((h, c) => h.HandleAsync(c.Request, c.RunId, c.CancellationToken)));

    /// <summary><c>GET /api/openapi.json</c>: this API's OpenAPI document.</summary>
    public static ApiRoute OpenApi { get; } = new(
        nameof(OpenApi), "GET", "openapi.json", KeyLevel.Anonymous,
        "This OpenAPI document.", null, [new(200, "The OpenAPI 3.1 document.", null)],
        Use<OpenApiHandler>((h, c) => h.HandleAsync(c.Request, c.CancellationToken)));

    /// <summary><c>GET /api/ui</c>: the scenario planner page.</summary>
    public static ApiRoute Ui { get; } = new(
        nameof(Ui), "GET", "ui", KeyLevel.Anonymous,
        "The scenario planner page (static; it asks for a key and calls the API).", null,
        [new(200, "The page.", null, Html)],
        Use<UiHandler>((h, c) => h.HandleAsync(c.Request, c.CancellationToken)));

    /// <summary>Every route, in contract order.</summary>
    public static IReadOnlyList<ApiRoute> All { get; } =
    [
        Predict, PredictModel, Health, ModelInfo, NamedModelInfo, ModelVersions, ReloadModel, PromoteModel, RollbackModel,
        GetRelease, StartRelease, StopRelease, RetireModel, Retrain, GetRun, OpenApi, Ui,
    ];
}
