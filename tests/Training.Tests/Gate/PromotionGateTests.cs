using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Training.Gate;

namespace ArchiveForecast.Training.Tests.Gate;

[TestFixture]
public sealed class PromotionGateTests
{
    private static readonly PromotionGate Gate = new(0.02);

    private static ModelMetrics Metrics(double archivedMae, double archivedR2 = 0.9, double savingsMae = 5, double savingsR2 = 0.9) =>
        new(new RegressionMetrics(archivedMae, archivedMae * 1.5, archivedR2), new RegressionMetrics(savingsMae, savingsMae * 1.5, savingsR2));

    [Test]
    public void Decide_NothingServed_Passes()
    {
        var decision = Gate.Decide(Metrics(100), null, null);

        Assert.Multiple(() =>
        {
            Assert.That(decision.Passed, Is.True);
            Assert.That(decision.Reason, Does.Contain("no version is served"));
            Assert.That(decision.ServingVersion, Is.Null);
        });
    }

    [Test]
    public void Decide_CandidateBetter_PassesNamingTheServingVersion()
    {
        var decision = Gate.Decide(Metrics(9), Metrics(10), 3);

        Assert.Multiple(() =>
        {
            Assert.That(decision.Passed, Is.True);
            Assert.That(decision.Reason, Does.Contain("serving version 3"));
            Assert.That(decision.ServingVersion, Is.EqualTo(3));
        });
    }

    [Test]
    public void Decide_MaeWorseBeyondTolerance_FailsWithTheComparison()
    {
        var decision = Gate.Decide(Metrics(12.3), Metrics(10.1), 2);

        Assert.Multiple(() =>
        {
            Assert.That(decision.Passed, Is.False);
            Assert.That(decision.Reason, Does.Contain("archived_gb_next_period MAE 12.3 > 10.1 × 1.02"));
            Assert.That(decision.Reason, Does.Not.Contain("savings_gb_next_period"));
        });
    }

    [Test]
    public void Decide_MaeExactlyAtTolerance_Passes()
    {
        double serving = 10;

        Assert.That(Gate.Decide(Metrics(serving * 1.02), Metrics(serving), 1).Passed, Is.True);
    }

    [Test]
    public void Decide_MaeJustBeyondTolerance_Fails() =>
        Assert.That(Gate.Decide(Metrics(10 * 1.02 * 1.0001), Metrics(10), 1).Passed, Is.False);

    [Test]
    public void Decide_RSquaredDropsMoreThanTolerance_Fails()
    {
        var decision = Gate.Decide(Metrics(10, savingsR2: 0.85), Metrics(10, savingsR2: 0.9), 1);

        Assert.Multiple(() =>
        {
            Assert.That(decision.Passed, Is.False);
            Assert.That(decision.Reason, Does.Contain("savings_gb_next_period R² 0.85 < 0.9 − 0.02"));
        });
    }

    [Test]
    public void Decide_RSquaredDropsWithinTolerance_Passes() =>
        Assert.That(Gate.Decide(Metrics(10, archivedR2: 0.885), Metrics(10, archivedR2: 0.9), 1).Passed, Is.True);

    [Test]
    public void Decide_BothTargetsWorse_ListsEveryFailedCheck()
    {
        var decision = Gate.Decide(Metrics(20, savingsMae: 9), Metrics(10, savingsMae: 5), 1);

        Assert.That(decision.Reason, Does.Contain("archived_gb_next_period MAE").And.Contain("savings_gb_next_period MAE"));
    }

    [Test]
    public void Decide_ZeroTolerance_RefusesAnyWorsening()
    {
        var strict = new PromotionGate(0);

        Assert.That(strict.Decide(Metrics(10.0001), Metrics(10), 1).Passed, Is.False);
    }

    [Test]
    public void Decide_CandidateNotFinite_Fails() =>
        Assert.That(Gate.Decide(Metrics(double.NaN), Metrics(10), 1).Passed, Is.False);

    [Test]
    public void Decide_ServingNotFinite_CandidatePasses() =>
        Assert.That(Gate.Decide(Metrics(10), Metrics(double.NaN, archivedR2: double.NaN), 1).Passed, Is.True);

    [TestCase(-0.1)]
    [TestCase(1.0)]
    [TestCase(double.NaN)]
    public void Create_ToleranceOutOfRange_Throws(double tolerance) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new PromotionGate(tolerance));
}
