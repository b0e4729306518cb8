namespace ArchiveForecast.Training.Modeling;

/// <summary>The mean and sample standard deviation of one metric over cross-validation folds.</summary>
public sealed record MetricSummary(double Mean, double StandardDeviation)
{
    /// <summary>Summarises the values of the folds.</summary>
    public static MetricSummary Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("No values to summarise.", nameof(values));
        }

        double mean = values.Average();
        double sd = values.Count < 2 ? 0 : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        return new MetricSummary(mean, sd);
    }
}
