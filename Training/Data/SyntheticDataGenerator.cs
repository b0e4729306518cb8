using ArchiveForecast.Core.Features;
using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Training.Data;

/// <summary>
/// Deterministic synthetic training data: the same rows, seed and source count give the same rows on every machine.
/// </summary>
/// <remarks>
/// <para>
/// Rows come from <c>K</c> archive sources (default: one per 36 rows), each with a run of consecutive months starting
/// somewhere between 2019-01 and 2024-12. Each source <c>s</c> draws, from its own seeded stream: base files
/// <c>F0 ~ logU(2,000; 2,000,000)</c>, monthly growth <c>g ~ U(0.2 %; 3 %)</c>, mean file size
/// <c>S0 ~ logU(0.2; 8) MB</c>, a file-type mix (PDF, DOCX, XLSX, other) from normalised <c>U(0.05; 1)</c> weights, archive
/// runs per day <c>f0 ~ logU(0.25; 24)</c>, and a hidden archive policy factor <c>a ~ logN(0; 0.2²)</c> (not an input:
/// it is what a model cannot know about an unseen source).
/// </para>
/// <para>For month <c>i</c> (0-based) of a source:</para>
/// <list type="bullet">
/// <item><c>total_files = round(F0 · (1 + g)^i · logN(0; 0.02²))</c>; <c>avg_file_size_mb = S0 · (1 + 0.003 i) · logN(0; 0.03²)</c></item>
/// <item>shares = the source mix jittered by <c>±0.03</c> per type, renormalised (so they sum to 1 with "other")</item>
/// <item><c>archive_frequency_per_day = f0 · logN(0; 0.1²)</c></item>
/// </list>
/// <para>Targets, from the rounded inputs (<c>m</c> = the next calendar month):</para>
/// <list type="bullet">
/// <item><c>total_gb = total_files · avg_file_size_mb / 1024</c></item>
/// <item><c>coverage = 1 − exp(−archive_frequency_per_day / 4)</c> (more runs a day catch more, saturating)</item>
/// <item><c>season(m)</c> = 1.6 for December (year end), 1.3 for March, June and September (quarter ends), 0.8 for
/// August, otherwise 1</item>
/// <item><c>churn = 1.0 · pdf + 1.1 · docx + 1.4 · xlsx + 0.8 · other</c> (spreadsheets are rewritten most)</item>
/// <item><c>archived_gb_next_period = total_gb · 0.06 · a · coverage · season(m) · churn · logN(0; 0.08²)</c></item>
/// <item><c>rate = 0.05 · pdf + 0.45 · docx + 0.60 · xlsx + 0.25 · other</c> (PDFs are already compressed; Office files
/// compress and deduplicate well)</item>
/// <item><c>savings_gb_next_period = min(archived, archived · rate · logN(0; 0.05²))</c></item>
/// </list>
/// <para>Both targets are therefore non-negative, and savings never exceed what was archived. docs/synthetic-data.md
/// has the same formula with worked figures.</para>
/// </remarks>
public static class SyntheticDataGenerator
{
    /// <summary>Months per source when the source count is not given.</summary>
    public const int DefaultMonthsPerSource = 36;

    /// <summary>The first month a source may start at.</summary>
    public static readonly DateOnly FirstMonth = new(2019, 1, 1);

    private const int StartMonthSpread = 72;

    /// <summary>The default number of sources for <paramref name="rows"/> rows.</summary>
    public static int DefaultSources(int rows) => Math.Max(1, (rows + DefaultMonthsPerSource - 1) / DefaultMonthsPerSource);

    /// <summary>Generates <paramref name="rows"/> rows, source by source, lazily.</summary>
    /// <param name="rows">How many rows (0 or more).</param>
    /// <param name="seed">Fixes every draw.</param>
    /// <param name="sources">How many archive sources; null for <see cref="DefaultSources"/>. At most <paramref name="rows"/>.</param>
    public static IEnumerable<TrainingExample> Generate(int rows, int seed, int? sources = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        int sourceCount = sources ?? DefaultSources(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(sourceCount, 1, nameof(sources));
        return GenerateCore(rows, seed, Math.Min(sourceCount, Math.Max(rows, 1)));
    }

    /// <summary>The seasonal factor of a calendar month (1-12) in the targets' formula.</summary>
    public static double Season(int month) => month switch
    {
        12 => 1.6,
        3 or 6 or 9 => 1.3,
        8 => 0.8,
        _ => 1.0,
    };

    private static IEnumerable<TrainingExample> GenerateCore(int rows, int seed, int sourceCount)
    {
        int perSource = rows / sourceCount;
        int remainder = rows % sourceCount;
        for (int s = 0; s < sourceCount; s++)
        {
            int months = perSource + (s < remainder ? 1 : 0);
            var random = SeededRandom.For(seed, s);
            var source = SourceProfile.Draw(random, $"src-{s + 1:D4}");
            for (int i = 0; i < months; i++)
            {
                yield return source.Row(random, i);
            }
        }
    }

    private sealed record SourceProfile(
        string Id,
        DateOnly Start,
        double BaseFiles,
        double Growth,
        double BaseFileSizeMb,
        double[] Mix,
        double BaseFrequency,
        double PolicyFactor)
    {
        public static SourceProfile Draw(SeededRandom random, string id)
        {
            var start = FirstMonth.AddMonths(random.NextInt(StartMonthSpread));
            double baseFiles = random.LogUniform(2_000, 2_000_000);
            double growth = random.Uniform(0.002, 0.03);
            double size = random.LogUniform(0.2, 8);
            double[] mix = [random.Uniform(0.05, 1), random.Uniform(0.05, 1), random.Uniform(0.05, 1), random.Uniform(0.05, 1)];
            double sum = mix.Sum();
            for (int t = 0; t < mix.Length; t++)
            {
                mix[t] /= sum;
            }

            double frequency = random.LogUniform(0.25, 24);
            double policy = random.LogNormal(0.2);
            return new SourceProfile(id, start, baseFiles, growth, size, mix, frequency, policy);
        }

        public TrainingExample Row(SeededRandom random, int i)
        {
            var month = Start.AddMonths(i);
            long totalFiles = (long)Math.Round(BaseFiles * Math.Pow(1 + Growth, i) * random.LogNormal(0.02));
            double avgSize = Math.Round(BaseFileSizeMb * (1 + (0.003 * i)) * random.LogNormal(0.03), 3);

            double[] shares = new double[4];
            for (int t = 0; t < shares.Length; t++)
            {
                shares[t] = Math.Max(0.001, Mix[t] + random.Uniform(-0.03, 0.03));
            }

            double total = shares.Sum();
            // Rounded down to 4 decimals so that the three named shares never sum above 1 after rounding.
            double pdf = Math.Floor(shares[0] / total * 10_000) / 10_000;
            double docx = Math.Floor(shares[1] / total * 10_000) / 10_000;
            double xlsx = Math.Floor(shares[2] / total * 10_000) / 10_000;
            double other = Math.Max(0, 1 - pdf - docx - xlsx);
            double frequency = Math.Round(BaseFrequency * random.LogNormal(0.1), 3);

            double totalGb = totalFiles * avgSize / FeatureBuilder.MbPerGb;
            double coverage = 1 - Math.Exp(-frequency / 4);
            double churn = (1.0 * pdf) + (1.1 * docx) + (1.4 * xlsx) + (0.8 * other);
            double archived = totalGb * 0.06 * PolicyFactor * coverage * Season(month.AddMonths(1).Month) * churn * random.LogNormal(0.08);
            double rate = (0.05 * pdf) + (0.45 * docx) + (0.60 * xlsx) + (0.25 * other);
            double savings = Math.Min(archived, archived * rate * random.LogNormal(0.05));

            var input = new ForecastInput(month, totalFiles, avgSize, pdf, docx, xlsx, frequency);
            var targets = new ForecastTargets(Math.Round(archived, 4), Math.Round(savings, 4));
            return new TrainingExample(input, targets, Id);
        }
    }
}
