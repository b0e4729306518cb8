namespace ArchiveForecast.Api.Problems;

/// <summary>
/// The stable <c>type</c> URIs of every problem the API returns, with their titles. Clients may branch on these; they
/// never change once published.
/// </summary>
public static class ProblemTypes
{
    private const string Base = "https://archiveforecast.dev/problems/";

    /// <summary>400: the body is not valid JSON or has the wrong shape or types.</summary>
    public static ProblemType MalformedRequest { get; } = new(Base + "malformed-request", "The request is malformed.", 400);

    /// <summary>401: no key, a wrong key, or a key of too low a level.</summary>
    public static ProblemType Unauthorized { get; } = new(Base + "unauthorized", "A valid key is required.", 401);

    /// <summary>404: no such route, model, version or run.</summary>
    public static ProblemType NotFound { get; } = new(Base + "not-found", "The resource does not exist.", 404);

    /// <summary>405: the route exists but not with this method.</summary>
    public static ProblemType MethodNotAllowed { get; } = new(Base + "method-not-allowed", "The method is not allowed on this route.", 405);

    /// <summary>409: the pointer changed meanwhile, or there is nothing to roll back to.</summary>
    public static ProblemType Conflict { get; } = new(Base + "conflict", "The request conflicts with the model's current state.", 409);

    /// <summary>413: the body is over the cap.</summary>
    public static ProblemType PayloadTooLarge { get; } = new(Base + "payload-too-large", "The request body is too large.", 413);

    /// <summary>415: the body is not <c>application/json</c>.</summary>
    public static ProblemType UnsupportedMediaType { get; } = new(Base + "unsupported-media-type", "The request body must be application/json.", 415);

    /// <summary>422: well-formed, but values break the contract's rules.</summary>
    public static ProblemType Validation { get; } = new(Base + "validation", "The request has invalid values.", 422);

    /// <summary>503: no model is loaded.</summary>
    public static ProblemType ModelUnavailable { get; } = new(Base + "model-unavailable", "No model is available yet.", 503);

    /// <summary>503: a reload failed; the last good model, if any, is still served.</summary>
    public static ProblemType ReloadFailed { get; } = new(Base + "reload-failed", "The model could not be reloaded.", 503);

    /// <summary>503: every slot of prediction work is taken; retry after the Retry-After delay.</summary>
    public static ProblemType Busy { get; } = new(Base + "busy", "The service is busy.", 503);

    /// <summary>500: anything unexpected. The body never holds internals.</summary>
    public static ProblemType Unexpected { get; } = new(Base + "unexpected", "An unexpected error occurred.", 500);

    /// <summary>Every problem type.</summary>
    public static IReadOnlyList<ProblemType> All { get; } =
    [
        MalformedRequest, Unauthorized, NotFound, MethodNotAllowed, Conflict, PayloadTooLarge, UnsupportedMediaType,
        Validation, ModelUnavailable, ReloadFailed, Busy, Unexpected,
    ];
}
