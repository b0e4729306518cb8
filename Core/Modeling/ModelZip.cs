using System.IO.Compression;

namespace ArchiveForecast.Core.Modeling;

/// <summary>Rewrites an ML.NET model.zip with a fixed timestamp on every entry, so identical fits give identical bytes.</summary>
internal static class ModelZip
{
    private static readonly DateTimeOffset FixedTimestamp = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Normalize(ReadOnlySpan<byte> zip)
    {
        using var source = new ZipArchive(new MemoryStream(zip.ToArray(), writable: false), ZipArchiveMode.Read);
        using var output = new MemoryStream(zip.Length);
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = FixedTimestamp;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }

        return output.ToArray();
    }
}
