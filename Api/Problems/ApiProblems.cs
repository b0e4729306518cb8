using System.Diagnostics;
using System.Globalization;
using ArchiveForecast.Api.Responses;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ArchiveForecast.Api.Problems;

/// <summary>Builds the API's problem responses. Details are written here or by the input readers, never from exceptions.</summary>
public static class ApiProblems
{
    /// <summary>The most errors one problem lists; a 1 MiB body could otherwise produce a response many times its size.</summary>
    public const int MaxErrors = 1000;

    /// <summary>A problem of <paramref name="type"/> about <paramref name="request"/>.</summary>
    public static ProblemResult Create(
        HttpRequest request,
        ProblemType type,
        string detail,
        IReadOnlyList<ProblemError>? errors = null,
        ResponseHeaders? headers = null,
        int? servedVersion = null,
        bool errorsTruncated = false) =>
        new(
            new ProblemBody
            {
                Type = type.Uri,
                Title = type.Title,
                Status = type.Status,
                Detail = detail,
                Instance = request.PathBase.Add(request.Path).ToString(),
                TraceId = TraceId(request.HttpContext),
                Errors = errors,
                ServedVersion = servedVersion,
                ErrorsTruncated = errorsTruncated ? true : null,
            },
            headers);

    /// <summary>404 for anything that does not exist; the detail names the kind of thing, not the store.</summary>
    public static ProblemResult NotFound(HttpRequest request, string detail) =>
        Create(request, ProblemTypes.NotFound, detail);

    /// <summary>405 with the <c>Allow</c> header.</summary>
    public static ProblemResult MethodNotAllowed(HttpRequest request, string allow) =>
        Create(
            request,
            ProblemTypes.MethodNotAllowed,
            $"{request.Method} is not allowed here; use {allow}.",
            headers: ResponseHeaders.None.With(HeaderNames.Allow, allow));

    /// <summary>401; the detail says which level the route needs but never echoes a key.</summary>
    public static ProblemResult Unauthorized(HttpRequest request, string detail) =>
        Create(request, ProblemTypes.Unauthorized, detail);

    /// <summary>503 with <c>Retry-After</c>.</summary>
    public static ProblemResult Unavailable(HttpRequest request, ProblemType type, string detail, TimeSpan retryAfter, int? servedVersion = null) =>
        Create(
            request,
            type,
            detail,
            headers: ResponseHeaders.None.With(HeaderNames.RetryAfter, RetryAfterSeconds(retryAfter)),
            servedVersion: servedVersion);

    /// <summary>500 without internals.</summary>
    public static ProblemResult Unexpected(HttpRequest request) =>
        Create(request, ProblemTypes.Unexpected, "The request could not be completed. Quote the trace_id when reporting it.");

    /// <summary>The W3C trace id of the request's activity, or the host's request id when there is none.</summary>
    public static string TraceId(HttpContext httpContext) =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity
            ? activity.TraceId.ToHexString()
            : httpContext.TraceIdentifier;

    /// <summary>Whole seconds, at least one.</summary>
    public static string RetryAfterSeconds(TimeSpan delay) =>
        Math.Max(1, (int)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
