using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace ArchiveForecast.Training.Data;

/// <summary>The records of a CSV stream (UTF-8, BOM skipped), read in chunks and tokenized as they come.</summary>
internal static class CsvRecordStream
{
    private const int ChunkChars = 16 * 1024;

    /// <exception cref="TrainingDataException">The bytes are not UTF-8.</exception>
    public static async IAsyncEnumerable<CsvRawRecord> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(
            stream,
            new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true),
            detectEncodingFromByteOrderMarks: true,
            bufferSize: ChunkChars,
            leaveOpen: true);

        var tokenizer = new CsvTokenizer();
        char[] buffer = ArrayPool<char>.Shared.Rent(ChunkChars);
        try
        {
            int count;
            do
            {
                try
                {
                    count = await reader.ReadAsync(buffer.AsMemory(0, ChunkChars), cancellationToken);
                }
                catch (DecoderFallbackException ex)
                {
                    throw new TrainingDataException($"The file is not valid UTF-8 (near line {tokenizer.Line}).", ex);
                }

                if (count == 0)
                {
                    tokenizer.Complete();
                }
                else
                {
                    tokenizer.Feed(buffer.AsSpan(0, count));
                }

                while (tokenizer.TryTake(out var record))
                {
                    yield return record;
                }
            }
            while (count > 0);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
