using ArchiveForecast.Api.Problems;
using Microsoft.AspNetCore.Http;

namespace ArchiveForecast.Api.Input;

/// <summary>
/// What a strict body parser found: a value, or every error of the request. Any shape or type error makes the request
/// malformed (400); a request whose only errors are broken value rules is invalid (422).
/// </summary>
public sealed record ParseResult<T>
    where T : class
{
    /// <summary>The parsed value, when there is no error.</summary>
    public T? Value { get; init; }

    /// <summary>Every error found (at most <see cref="ApiProblems.MaxErrors"/>), each with a JSON pointer.</summary>
    public IReadOnlyList<ProblemError> Errors { get; init; } = [];

    /// <summary>True when the body is not JSON or has the wrong shape or types.</summary>
    public bool Malformed { get; init; }

    /// <summary>True when more errors were found than <see cref="Errors"/> lists.</summary>
    public bool Truncated => ErrorCount > Errors.Count;

    /// <summary>How many errors were found, listed or not.</summary>
    public int ErrorCount { get; init; }

    /// <summary>A sentence about the whole body (not JSON, too deep), when the errors alone do not say it.</summary>
    public string? Detail { get; init; }

    /// <summary>True when the body parsed and every rule holds.</summary>
    public bool Succeeded => Value is not null;

    /// <summary>The problem for a failed parse: 400 when malformed, else 422.</summary>
    public ProblemResult ToProblem(HttpRequest request)
    {
        if (Succeeded)
        {
            throw new InvalidOperationException("A successful parse has no problem.");
        }

        if (Malformed)
        {
            return ApiProblems.Create(
                request,
                ProblemTypes.MalformedRequest,
                Detail ?? Summary("The body has the wrong shape or types"),
                Errors.Count > 0 ? Errors : null,
                errorsTruncated: Truncated);
        }

        return ApiProblems.Create(request, ProblemTypes.Validation, Summary("The body has invalid values"), Errors, errorsTruncated: Truncated);
    }

    private string Summary(string start) =>
        Errors.Count == 1
            ? $"{start}: {Errors[0].Pointer} {Errors[0].Detail}"
            : $"{start}; every error is listed in errors with its JSON pointer.";
}
