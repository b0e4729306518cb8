using ArchiveForecast.Api.Problems;

namespace ArchiveForecast.Api.Input;

/// <summary>Collects the errors of one request: shape and type errors (400) apart from value-rule errors (422).</summary>
internal sealed class ParseErrors
{
    private readonly List<ProblemError> errors = [];
    private int total;

    public bool Malformed { get; private set; }

    public bool Any => total > 0;

    public void Shape(string pointer, string detail)
    {
        Malformed = true;
        Add(pointer, detail);
    }

    public void Value(string pointer, string detail) => Add(pointer, detail);

    public ParseResult<T> Result<T>(Func<T> value)
        where T : class =>
        Any
            ? new ParseResult<T> { Errors = this.errors, Malformed = Malformed, ErrorCount = total }
            : ParseResults.Success(value());

    private void Add(string pointer, string detail)
    {
        total++;
        if (this.errors.Count < ApiProblems.MaxErrors)
        {
            this.errors.Add(new ProblemError(pointer, detail));
        }
    }
}
