using System.Buffers;
using ArchiveForecast.Api.Problems;

namespace ArchiveForecast.Api.Input;

/// <summary>A request body read under the cap (a pooled buffer, returned on dispose), or the problem that stopped it.</summary>
public sealed class RequestBody : IDisposable
{
    private byte[]? _buffer;
    private readonly int _length;

    private RequestBody(byte[]? buffer, int length, ProblemResult? problem)
    {
        _buffer = buffer;
        _length = length;
        Problem = problem;
    }

    /// <summary>Why the body was not read (415, 413), or null when it was.</summary>
    public ProblemResult? Problem { get; }

    /// <summary>The bytes read.</summary>
    public ReadOnlySpan<byte> Span => _buffer is null ? [] : _buffer.AsSpan(0, _length);

    internal static RequestBody Read(byte[] buffer, int length) => new(buffer, length, null);

    internal static RequestBody Refused(ProblemResult problem) => new(null, 0, problem);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
