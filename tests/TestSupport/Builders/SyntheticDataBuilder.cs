using ArchiveForecast.Core.Features;
using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.TestSupport;

/// <summary>
/// Seeded labelled rows from a known formula: archived ≈ total GB × a rate that grows with archive frequency × a
/// seasonal factor + noise; savings ≈ archived × a compression gain weighted by file type.
/// </summary>
public sealed class SyntheticDataBuilder
{
    public const double PdfGain = 0.35;
    public const double DocxGain = 0.55;
    public const double XlsxGain = 0.65;
    public const double OtherGain = 0.10;

    private int rows = 1_200;
    private int seed = 7;
    private double noise = 0.05;
    private double archivedOffset;

    public SyntheticDataBuilder WithRows(int rows)
    {
        this.rows = rows;
        return this;
    }

    public SyntheticDataBuilder WithSeed(int seed)
    {
        this.seed = seed;
        return this;
    }

    public SyntheticDataBuilder WithNoise(double relativeNoise)
    {
        this.noise = relativeNoise;
        return this;
    }

    /// <summary>Adds a constant to every archived label (a negative offset makes labels a real source never has).</summary>
    public SyntheticDataBuilder WithArchivedOffset(double offset)
    {
        archivedOffset = offset;
        return this;
    }

    public List<TrainingExample> Build()
    {
        var random = new Random(this.seed);
        var rows = new List<TrainingExample>(this.rows);
        for (int i = 0; i < this.rows; i++)
        {
            var month = new DateOnly(2021 + random.Next(4), 1 + random.Next(12), 1);
            long files = random.Next(500, 150_000);
            double size = 0.2 + (random.NextDouble() * 4.8);
            double pdf = random.NextDouble() * 0.6;
            double docx = random.NextDouble() * (1 - pdf) * 0.7;
            double xlsx = random.NextDouble() * (1 - pdf - docx) * 0.9;
            double other = Math.Max(0, 1 - pdf - docx - xlsx);
            double frequency = random.NextDouble() * 24;

            double totalGb = files * size / FeatureBuilder.MbPerGb;
            double season = 1 + (0.3 * Math.Sin(2 * Math.PI * (month.Month - 1) / 12));
            double archived = totalGb * 0.05 * season * (1 + (frequency / 48)) * (1 + (this.noise * ((2 * random.NextDouble()) - 1)));
            double savings = archived * ((pdf * PdfGain) + (docx * DocxGain) + (xlsx * XlsxGain) + (other * OtherGain));
            rows.Add(new TrainingExample(
                new ForecastInput(month, files, size, pdf, docx, xlsx, frequency),
                new ForecastTargets(archived + archivedOffset, savings),
                $"source-{i % 40}"));
        }

        return rows;
    }
}
