using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Core.Tests.Builders;

/// <summary>Deterministic labelled rows with a learnable relation between inputs and targets.</summary>
public static class TrainingRowsBuilder
{
    public static IReadOnlyList<TrainingExample> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var rows = new TrainingExample[count];
        for (int i = 0; i < count; i++)
        {
            var month = new DateOnly(2021, 1, 1).AddMonths(i % 36);
            long files = random.Next(1_000, 200_000);
            double size = 0.1 + (random.NextDouble() * 8);
            double pdf = random.NextDouble() * 0.5;
            double docx = random.NextDouble() * 0.3;
            double xlsx = random.NextDouble() * 0.2;
            double frequency = 1 + (random.NextDouble() * 10);
            double totalGb = files * size / 1024;
            double archived = (totalGb * (0.05 + (0.01 * frequency))) + (month.Month == 12 ? 5 : 0);
            double savings = archived * (0.2 + (0.5 * pdf));
            rows[i] = new TrainingExample(
                new ForecastInput(month, files, size, pdf, docx, xlsx, frequency),
                new ForecastTargets(archived, savings));
        }

        return rows;
    }
}
