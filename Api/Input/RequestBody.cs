using System.Buffers;
using ArchiveForecast.Api.Problems;

namespace ArchiveForecast.Api.Input;

/// <summary>A request body read under the cap (a pooled buffer, returned on dispose), or the problem that stopped it.</summary>
public sealed class RequestBody : IDisposable
{
    private byte[]? buffer;
    private readonly int length;

    private RequestBody(byte[]? buffer, int length, ProblemResult? problem)
    {
        this.buffer = buffer;
        this.length = length;
        Problem = problem;
    }

    /// <summary>Why the body was not read (415, 413), or null when it was.</summary>
    public ProblemResult? Problem { get; }

    /// <summary>The bytes read.</summary>
    public ReadOnlySpan<byte> Span => this.buffer is null ? [] : this.buffer.AsSpan(0, this.length);

    internal static RequestBody Read(byte[] buffer, int length) => new(buffer, length, null);

    internal static RequestBody Refused(ProblemResult problem) => new(null, 0, problem);

    /// <inheritdoc />
    public void Dispose()
    {
        if (this.buffer is { } buffer)
        {
            this.buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
