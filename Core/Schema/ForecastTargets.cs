namespace ArchiveForecast.Core.Schema;

/// <summary>What the model predicts for the next period, in GB.</summary>
/// <param name="ArchivedGbNextPeriod">Data archived next period (contract name <c>archived_gb_next_period</c>).</param>
/// <param name="SavingsGbNextPeriod">Storage saved next period (contract name <c>savings_gb_next_period</c>).</param>
public sealed record ForecastTargets(double ArchivedGbNextPeriod, double SavingsGbNextPeriod);
