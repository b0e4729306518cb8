using System.Diagnostics;
using System.Globalization;
using ArchiveForecast.Api.Input;
using ArchiveForecast.Api.Limits;
using ArchiveForecast.Api.Problems;
using ArchiveForecast.Api.Responses;
using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Inference;
using ArchiveForecast.Core.Releases;
using ArchiveForecast.Core.Schema;
using ArchiveForecast.Core.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Api.Handlers;

/// <summary>
/// <c>POST /api/predict</c> and <c>POST /api/models/{name}/predict</c>. The served model is read once, so every
/// prediction of a response comes from the one version the response names, even while a reload swaps it.
/// </summary>
public sealed class PredictHandler(ModelLookup models, ILogger<PredictHandler> logger, PredictionLimiter limiter, ArchiveForecastTelemetry? telemetry = null)
{
    /// <summary>The query parameter that asks for feature contributions.</summary>
    public const string ExplainParameter = "explain";

    /// <summary>The query parameter that names the level of the forecast ranges (one of <see cref="IntervalCalibration.SupportedLevels"/>).</summary>
    public const string LevelParameter = "level";

    /// <summary>Predicts with the default model (<paramref name="modelName"/> null) or a named one.</summary>
    public Task<IResult> HandleAsync(HttpRequest request, string? modelName, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(request, logger, () => PredictAsync(request, modelName, cancellationToken), cancellationToken);

    private async Task<IResult> PredictAsync(HttpRequest request, string? modelName, CancellationToken cancellationToken)
    {
        if (!TryReadExplain(request, out bool explain))
        {
            return ApiProblems.Create(request, ProblemTypes.MalformedRequest, "The explain parameter must be true or false.");
        }

        if (!TryReadLevel(request, out double level))
        {
            return ApiProblems.Create(request, ProblemTypes.Validation, LevelRule);
        }

        var name = models.Parse(modelName);
        var served = name is null ? null : await models.FindAsync(name, cancellationToken);
        if (served is null)
        {
            return ModelLookup.UnknownModel(request, modelName);
        }

        var body = await JsonBodyReader.ReadAsync(request, PredictRequestParser.Parse, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        IReadOnlyList<ForecastInput> inputs = body.Value!;

        var model = served.Current;
        if (model is null)
        {
            ApiLog.ModelUnavailable(logger, served.Name);
            return models.Unavailable(request, served);
        }

        // The scoring (and explaining) is the work that grows with the batch; it runs in one of a bounded number of slots.
        using var slot = await limiter.TryEnterAsync(cancellationToken);
        if (slot is null)
        {
            ApiLog.PredictionsSaturated(logger, model.Name, limiter.Capacity);
            return ApiProblems.Unavailable(
                request,
                ProblemTypes.Busy,
                "Every slot for prediction work is taken; retry after the Retry-After delay.",
                limiter.RetryAfter);
        }

        // A running release may answer with its candidate (split) or score the inputs again off this path (shadow).
        var release = served.Release;
        bool takes = release?.Takes(RoutingKey(request)) == true;
        IReadOnlyList<ForecastPrediction>? predictions = null;
        var answering = model;
        if (takes && release!.Spec.Mode == ReleaseMode.Split)
        {
            predictions = ScoreCandidate(release, inputs);
            answering = predictions is null ? model : release.Candidate;
        }

        if (predictions is null)
        {
            using var activity = telemetry?.StartPredict(model, inputs.Count);
            long started = Stopwatch.GetTimestamp();
            release?.BeginServing();
            try
            {
                predictions = inputs.Count == 1 ? [model.Predict(inputs[0])] : model.PredictBatch(inputs);
            }
            catch (NonFinitePredictionException exception)
            {
                telemetry?.MarkFailed(activity, exception);
                release?.RecordServed(Stopwatch.GetElapsedTime(started), null);
                ApiLog.NonFinitePrediction(logger, model.Name, model.Version);
                return ApiProblems.Unexpected(request);
            }
            finally
            {
                release?.EndServing();
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            telemetry?.RecordPredictions(model, inputs, predictions, elapsed);
            release?.RecordServed(elapsed, predictions);
            if (takes && release!.Spec.Mode == ReleaseMode.Shadow)
            {
                release.OfferShadow(inputs, predictions);
            }
        }

        var calibration = answering.Card?.Intervals;
        var items = new Prediction[predictions.Count];
        for (int i = 0; i < items.Length; i++)
        {
            var prediction = predictions[i];
            items[i] = new Prediction(
                prediction.ArchivedGbNextPeriod,
                prediction.SavingsGbNextPeriod,
                prediction.OutOfRange,
                explain ? answering.Explain(inputs[i]) : null,
                calibration?.Apply(prediction, level));
        }

        return new ApiJsonResult<PredictResponse>(StatusCodes.Status200OK, new PredictResponse(new ModelRef(answering.Name, answering.Version), items));
    }

    /// <summary>The header whose value keeps a client on one side of a split release (a stable hash decides).</summary>
    public const string RoutingKeyHeader = "x-routing-key";

    private static string? RoutingKey(HttpRequest request) =>
        request.Headers[RoutingKeyHeader] is { Count: 1 } values && !string.IsNullOrEmpty(values[0]) ? values[0] : null;

    // The candidate's answer, or null when it failed: the served version then answers, and the failure counts against the candidate.
    private IReadOnlyList<ForecastPrediction>? ScoreCandidate(ActiveRelease release, IReadOnlyList<ForecastInput> inputs)
    {
        var candidate = release.Candidate;
        using var activity = telemetry?.StartPredict(candidate, inputs.Count);
        long started = Stopwatch.GetTimestamp();
        try
        {
            IReadOnlyList<ForecastPrediction> results = inputs.Count == 1 ? [candidate.Predict(inputs[0])] : candidate.PredictBatch(inputs);
            var elapsed = Stopwatch.GetElapsedTime(started);
            telemetry?.RecordPredictions(candidate, inputs, results, elapsed);
            release.RecordCandidate(elapsed, results);
            return results;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            telemetry?.MarkFailed(activity, exception);
            release.RecordCandidate(Stopwatch.GetElapsedTime(started), null);
            ApiLog.CandidateFailed(logger, candidate.Name, candidate.Version, exception);
            return null;
        }
    }

    private static readonly string LevelRule =
        $"The level parameter must be one of {string.Join(", ", IntervalCalibration.SupportedLevels.Select(l => l.ToString(CultureInfo.InvariantCulture)))}.";

    private static bool TryReadLevel(HttpRequest request, out double level)
    {
        level = IntervalCalibration.DefaultLevel;
        var values = request.Query[LevelParameter];
        return values.Count switch
        {
            0 => true,
            1 => double.TryParse(values[0], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out level) && IntervalCalibration.IsSupported(level),
            _ => false,
        };
    }

    private static bool TryReadExplain(HttpRequest request, out bool explain)
    {
        explain = false;
        var values = request.Query[ExplainParameter];
        return values.Count switch
        {
            0 => true,
            1 => bool.TryParse(values[0], out explain),
            _ => false,
        };
    }
}
