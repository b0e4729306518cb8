using System.Globalization;
using System.IO.Compression;
using System.Runtime.InteropServices;

namespace ArchiveForecast.Core.Inference;

/// <summary>
/// Checks a model.zip's directory before ML.NET unpacks it: how many entries it has and how many bytes they declare
/// unpacked. .NET's zip reader never inflates an entry past its declared size, so the declared sizes bound the memory
/// and time of loading; a hash-verified but hostile or broken archive is refused with a reason instead.
/// </summary>
public static class ModelZipCheck
{
    /// <summary>The most entries a model.zip may have (ML.NET writes a few dozen).</summary>
    public const int DefaultMaxEntries = 4096;

    /// <summary>The most bytes a model.zip may unpack to in total: 1 GiB.</summary>
    public const long DefaultMaxUnpackedBytes = 1L << 30;

    /// <summary>Null when the archive is within the limits (or is no zip at all, which loading refuses), else why not.</summary>
    public static string? FindProblem(ReadOnlyMemory<byte> zip, int maxEntries = DefaultMaxEntries, long maxUnpackedBytes = DefaultMaxUnpackedBytes)
    {
        try
        {
            using var stream = MemoryMarshal.TryGetArray(zip, out var segment) && segment.Array is not null
                ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
                : new MemoryStream(zip.ToArray(), writable: false);
            using var archive = new ZipArchive(stream, ZipArchiveMode.Read);
            if (archive.Entries.Count > maxEntries)
            {
                return string.Create(CultureInfo.InvariantCulture, $"model.zip has {archive.Entries.Count} entries, more than the {maxEntries} allowed");
            }

            long total = 0;
            for (int i = 0; i < archive.Entries.Count; i++)
            {
                long length = archive.Entries[i].Length;
                if (length < 0 || length > maxUnpackedBytes - total)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"model.zip unpacks to more than {maxUnpackedBytes} bytes (entry {i} declares {length})");
                }

                total += length;
            }

            return null;
        }
        catch (InvalidDataException)
        {
            // Not a zip at all: ML.NET's own load refuses it with its message.
            return null;
        }
    }
}
