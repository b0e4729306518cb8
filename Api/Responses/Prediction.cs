using ArchiveForecast.Core.Inference;

namespace ArchiveForecast.Api.Responses;

/// <summary>One forecast as the contract writes it; <see cref="Explanation"/> only with <c>?explain=true</c>.</summary>
public sealed record Prediction(
    double ArchivedGbNextPeriod,
    double SavingsGbNextPeriod,
    IReadOnlyList<string> OutOfRange,
    ForecastExplanation? Explanation = null);
