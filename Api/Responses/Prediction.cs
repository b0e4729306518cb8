using ArchiveForecast.Core.Inference;

namespace ArchiveForecast.Api.Responses;

/// <summary>
/// One forecast as the contract writes it. <see cref="Intervals"/> holds the calibrated ranges at the requested level
/// (absent for versions trained before ranges existed); <see cref="Explanation"/> only with <c>?explain=true</c>.
/// </summary>
public sealed record Prediction(
    double ArchivedGbNextPeriod,
    double SavingsGbNextPeriod,
    IReadOnlyList<string> OutOfRange,
    ForecastExplanation? Explanation = null,
    PredictionIntervals? Intervals = null);
