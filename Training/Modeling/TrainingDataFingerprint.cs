using System.Security.Cryptography;
using System.Text;
using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Training.Modeling;

/// <summary>
/// The SHA-256 of training rows in a canonical form: one line per row, in the order given, of the contract's nine
/// fields (month as <c>YYYY-MM-01</c>, numbers in invariant round-trip form) joined by commas and ended by LF, UTF-8.
/// Quoting, column order, extra columns, <c>source_id</c>, line ends and a BOM of the file do not change it.
/// </summary>
public static class TrainingDataFingerprint
{
    /// <summary>The lower-case hex SHA-256 of <paramref name="rows"/>.</summary>
    public static string Compute(IEnumerable<TrainingExample> rows)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var line = new StringBuilder(160);
        byte[] bytes = new byte[512];
        foreach (var row in rows)
        {
            line.Clear();
            AppendCanonical(line, row);
            int count = Encoding.UTF8.GetBytes(line.ToString(), bytes);
            hash.AppendData(bytes, 0, count);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Appends the canonical line of one row, LF included.</summary>
    public static void AppendCanonical(StringBuilder line, TrainingExample row) =>
        CsvRows.AppendExample(line, row).Append('\n');
}
