using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Training.Modeling;

/// <summary>Seeded 64-bit hashes of rows and source ids, fixed across runtimes (unlike <see cref="HashCode"/>).</summary>
internal static class RowHash
{
    public static ulong Of(TrainingExample row, int seed)
    {
        var input = row.Input;
        ulong h = Mix((ulong)(uint)seed ^ 0xA0761D6478BD642FUL);
        h = Add(h, (ulong)input.Month.DayNumber);
        h = Add(h, (ulong)input.TotalFiles);
        h = Add(h, Bits(input.AvgFileSizeMb));
        h = Add(h, Bits(input.PctPdf));
        h = Add(h, Bits(input.PctDocx));
        h = Add(h, Bits(input.PctXlsx));
        h = Add(h, Bits(input.ArchiveFrequencyPerDay));
        h = Add(h, Bits(row.Targets.ArchivedGbNextPeriod));
        return Add(h, Bits(row.Targets.SavingsGbNextPeriod));
    }

    public static ulong Of(string text, int seed)
    {
        ulong h = Mix((ulong)(uint)seed ^ 0xE7037ED1A0B428DBUL);
        foreach (char c in text)
        {
            h = Add(h, c);
        }

        return Add(h, (ulong)text.Length);
    }

    private static ulong Bits(double value) => (ulong)BitConverter.DoubleToInt64Bits(value);

    private static ulong Add(ulong h, ulong word) => Mix(h ^ Mix(word + 0x9E3779B97F4A7C15UL));

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
