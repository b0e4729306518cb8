using ArchiveForecast.Api.Routing;
using ArchiveForecast.Api.Security;
using ArchiveForecast.Core.Inference;
using ArchiveForecast.Core.Registry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Api;

/// <summary>Every log message of the HTTP layer (event ids 3000-3999). Never a payload, a key or exception text on the wire.</summary>
internal static partial class ApiLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Error, Message = "Request {Method} {Path} failed unexpectedly (trace {TraceId})")]
    public static partial void RequestFailed(ILogger logger, Exception exception, string method, PathString path, string traceId);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Refused {Method} {Path}: key {Outcome} for route {Route} (level {Level})")]
    public static partial void KeyRefused(ILogger logger, string method, PathString path, KeyCheck outcome, string route, KeyLevel level);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Reload of {ModelName}: {Outcome}, version {Version} served")]
    public static partial void Reloaded(ILogger logger, string modelName, ReloadOutcome outcome, int? version);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Reload of {ModelName} failed; version {Version} is still served")]
    public static partial void ReloadFailed(ILogger logger, string modelName, int? version);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "{Action} of {ModelName}: {Status}, pointer at version {Version}")]
    public static partial void PointerChanged(ILogger logger, string action, string modelName, PointerChangeStatus status, int? version);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Retraining of {ModelName} queued as run {RunId}")]
    public static partial void RetrainQueued(ILogger logger, string modelName, string runId);

    [LoggerMessage(EventId = 3040, Level = LogLevel.Information, Message = "Batch job of {ModelName} queued as run {RunId}")]
    public static partial void BatchQueued(ILogger logger, string modelName, string runId);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Critical, Message = "Serving WITHOUT API keys (Auth:AllowAnonymous is true, from --allow-anonymous or configuration): every route, admin routes included, is open to anyone who can reach {Urls}")]
    public static partial void AnonymousAccess(ILogger logger, string urls);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Information, Message = "ArchiveForecast API listening on {Urls} (model {ModelName}, store {Store})")]
    public static partial void Listening(ILogger logger, string urls, string modelName, string store);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Debug, Message = "No model is served for {ModelName}; answered 503")]
    public static partial void ModelUnavailable(ILogger logger, string modelName);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Information, Message = "Rejected a bad request {Method} {Path} with {StatusCode}")]
    public static partial void BadRequest(ILogger logger, string method, PathString path, int statusCode);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Error, Message = "Model {ModelName} version {Version} produced a non-finite prediction; answered 500")]
    public static partial void NonFinitePrediction(ILogger logger, string modelName, int version);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Information, Message = "ArchiveForecast API stopping")]
    public static partial void Stopping(ILogger logger);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Warning, Message = "Prediction for {ModelName} refused with 503: all {Capacity} prediction slots are taken")]
    public static partial void PredictionsSaturated(ILogger logger, string modelName, int capacity);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Warning, Message = "Refused {Method} {Path} with 503: the retraining queue is full")]
    public static partial void RetrainQueueFull(ILogger logger, string method, PathString path);

    [LoggerMessage(EventId = 3014, Level = LogLevel.Warning, Message = "Listening on {Url} over plain HTTP beyond loopback: keys and data cross the network unencrypted; bind to 127.0.0.1 or put TLS in front")]
    public static partial void PlainHttpBeyondLoopback(ILogger logger, string url);

    [LoggerMessage(EventId = 3015, Level = LogLevel.Warning, Message = "Model {ModelName} was retired: it answers as unknown until a new version is published")]
    public static partial void ModelRetired(ILogger logger, string modelName);
}
