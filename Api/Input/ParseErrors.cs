using ArchiveForecast.Api.Problems;

namespace ArchiveForecast.Api.Input;

/// <summary>Collects the errors of one request: shape and type errors (400) apart from value-rule errors (422).</summary>
internal sealed class ParseErrors
{
    private readonly List<ProblemError> _errors = [];
    private int _total;

    public bool Malformed { get; private set; }

    public bool Any => _total > 0;

    public void Shape(string pointer, string detail)
    {
        Malformed = true;
        Add(pointer, detail);
    }

    public void Value(string pointer, string detail) => Add(pointer, detail);

    public ParseResult<T> Result<T>(Func<T> value)
        where T : class =>
        Any
            ? new ParseResult<T> { Errors = _errors, Malformed = Malformed, ErrorCount = _total }
            : ParseResults.Success(value());

    private void Add(string pointer, string detail)
    {
        _total++;
        if (_errors.Count < ApiProblems.MaxErrors)
        {
            _errors.Add(new ProblemError(pointer, detail));
        }
    }
}
