using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Unicode;

namespace ArchiveForecast.Training.Data;

/// <summary>The records of a CSV stream (UTF-8, BOM skipped), read in chunks and tokenized as they come.</summary>
internal static class CsvRecordStream
{
    private const int ChunkBytes = 16 * 1024;

    // The longest UTF-8 sequence: a chunk may end inside one, which is carried over to the next read.
    private const int MaxSequenceBytes = 4;

    /// <exception cref="TrainingDataException">The bytes are not UTF-8 (the message names the line).</exception>
    public static async IAsyncEnumerable<CsvRawRecord> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Decoded here rather than by a StreamReader so that the text before an invalid byte reaches the tokenizer
        // first, and the error names the line the byte is on.
        var tokenizer = new CsvTokenizer();
        byte[] bytes = ArrayPool<byte>.Shared.Rent(ChunkBytes + MaxSequenceBytes);
        char[] chars = ArrayPool<char>.Shared.Rent(ChunkBytes + MaxSequenceBytes);
        try
        {
            int carried = 0;
            bool first = true;
            while (true)
            {
                int read = await stream.ReadAsync(bytes.AsMemory(carried, ChunkBytes), cancellationToken);
                int available = carried + read;
                bool final = read == 0;
                int start = 0;
                if (first && (available >= 3 || final))
                {
                    first = false;
                    if (bytes.AsSpan(0, available).StartsWith("\uFEFF"u8))
                    {
                        start = 3;
                    }
                }
                else if (first)
                {
                    carried = available;
                    continue;
                }

                var status = Utf8.ToUtf16(bytes.AsSpan(start, available - start), chars, out int bytesRead, out int charsWritten, replaceInvalidSequences: false, isFinalBlock: final);
                tokenizer.Feed(chars.AsSpan(0, charsWritten));
                if (status == OperationStatus.InvalidData)
                {
                    throw new TrainingDataException(string.Create(CultureInfo.InvariantCulture, $"The file is not valid UTF-8 (line {tokenizer.Line})."));
                }

                if (final)
                {
                    tokenizer.Complete();
                }

                while (tokenizer.TryTake(out var record))
                {
                    yield return record;
                }

                if (final)
                {
                    break;
                }

                carried = available - start - bytesRead;
                bytes.AsSpan(start + bytesRead, carried).CopyTo(bytes);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
