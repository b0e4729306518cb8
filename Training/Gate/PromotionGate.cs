using System.Globalization;
using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Training.Gate;

/// <summary>
/// Decides whether a candidate may replace the serving version, both measured on the same holdout: for each target the
/// candidate's MAE must be at most the serving MAE × (1 + tolerance), and its R² at most tolerance below the serving
/// R². With nothing served, the candidate passes.
/// </summary>
/// <param name="tolerance">How much worse the candidate may be (0.02 = 2 % on MAE, 0.02 absolute on R²).</param>
public sealed class PromotionGate(double tolerance)
{
    /// <summary>The tolerance used when none is configured.</summary>
    public const double DefaultTolerance = 0.02;

    /// <summary>The configured tolerance.</summary>
    public double Tolerance { get; } = tolerance is >= 0 and < 1 && double.IsFinite(tolerance)
        ? tolerance
        : throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "The gate tolerance must be in [0, 1).");

    /// <summary>Compares <paramref name="candidate"/> with <paramref name="serving"/> (null when nothing is served).</summary>
    public GateDecision Decide(ModelMetrics candidate, ModelMetrics? serving, int? servingVersion)
    {
        if (serving is null)
        {
            return new GateDecision(true, "no version is served yet, so the candidate passes", null);
        }

        var failures = new List<string>();
        Check(FieldNames.ArchivedGbNextPeriod, candidate.ArchivedGbNextPeriod, serving.ArchivedGbNextPeriod, failures);
        Check(FieldNames.SavingsGbNextPeriod, candidate.SavingsGbNextPeriod, serving.SavingsGbNextPeriod, failures);
        string against = servingVersion is int v ? $"serving version {v}" : "the serving version";
        string tolerancePercent = (Tolerance * 100).ToString("0.##", CultureInfo.InvariantCulture);
        return failures.Count == 0
            ? new GateDecision(
                true,
                $"the candidate is within {tolerancePercent} % of {against} on every target's MAE and R² " +
                $"({Summary(FieldNames.ArchivedGbNextPeriod, candidate.ArchivedGbNextPeriod, serving.ArchivedGbNextPeriod)}; " +
                $"{Summary(FieldNames.SavingsGbNextPeriod, candidate.SavingsGbNextPeriod, serving.SavingsGbNextPeriod)})",
                servingVersion)
            : new GateDecision(false, $"the candidate is worse than {against}: {string.Join("; ", failures)}", servingVersion);
    }

    /// <summary>The decision when the serving version could not be evaluated (corrupt, failing its self-check): the candidate passes.</summary>
    public static GateDecision ServingUnusable(int servingVersion, string problem) =>
        new(true, $"serving version {servingVersion} could not be evaluated ({problem.TrimEnd('.')}), so the candidate passes", servingVersion);

    private void Check(string target, RegressionMetrics candidate, RegressionMetrics serving, List<string> failures)
    {
        double factor = 1 + Tolerance;

        // A serving metric that is not finite means the served model is broken there; any finite candidate beats it.
        if (!double.IsFinite(candidate.Mae) || (double.IsFinite(serving.Mae) && candidate.Mae > serving.Mae * factor))
        {
            failures.Add($"{target} MAE {F(candidate.Mae)} > {F(serving.Mae)} × {F(factor)}");
        }

        if (!double.IsFinite(candidate.RSquared) || (double.IsFinite(serving.RSquared) && candidate.RSquared < serving.RSquared - Tolerance))
        {
            failures.Add($"{target} R² {F(candidate.RSquared)} < {F(serving.RSquared)} − {F(Tolerance)}");
        }
    }

    private static string Summary(string target, RegressionMetrics candidate, RegressionMetrics serving) =>
        $"{target} MAE {F(candidate.Mae)} vs {F(serving.Mae)}, R² {F(candidate.RSquared)} vs {F(serving.RSquared)}";

    private static string F(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
