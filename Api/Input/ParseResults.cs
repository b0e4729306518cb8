using ArchiveForecast.Api.Problems;

namespace ArchiveForecast.Api.Input;

/// <summary>Creates <see cref="ParseResult{T}"/> values.</summary>
public static class ParseResults
{
    /// <summary>A successful parse.</summary>
    public static ParseResult<T> Success<T>(T value)
        where T : class => new() { Value = value };

    /// <summary>A body that is not JSON, or nests too deep.</summary>
    public static ParseResult<T> NotJson<T>(string detail)
        where T : class => new() { Malformed = true, Detail = detail };

    /// <summary>A body holding text that is not valid Unicode, at the error's pointer.</summary>
    public static ParseResult<T> InvalidText<T>(ProblemError error)
        where T : class => new() { Malformed = true, Errors = [error], ErrorCount = 1 };
}
