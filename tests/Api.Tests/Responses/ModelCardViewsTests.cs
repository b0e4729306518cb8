using ArchiveForecast.Api.Responses;
using ArchiveForecast.Core.Artifacts;
using ArchiveForecast.Core.Schema;

namespace ArchiveForecast.Api.Tests.Responses;

[TestFixture]
public sealed class ModelCardViewsTests
{
    [TestCase("synthetic/archive.csv", "synthetic/archive.csv")]
    [TestCase("data.csv", "data.csv")]
    [TestCase("synthetic seed 4", "synthetic seed 4")]
    [TestCase("/home/alice/secret-project/data.csv", "data.csv")]
    [TestCase(@"C:\Users\alice\data.csv", "data.csv")]
    [TestCase("C:/Users/alice/data.csv", "data.csv")]
    [TestCase(@"\\fileserver\share\data.csv", "data.csv")]
    [TestCase("~/data/train.csv", "train.csv")]
    [TestCase("https://acct.blob.core.windows.net/training-data/2025/data.csv", "data.csv")]
    public void ClientSource_KeepsNamesAndReducesPathsToTheirLastSegment(string source, string expected) =>
        Assert.That(ModelCardViews.ClientSource(source), Is.EqualTo(expected));

    [Test]
    public void ForClients_DropsCanariesAndLocalPaths_AndKeepsTheRest()
    {
        var metrics = new ModelMetrics(new RegressionMetrics(1, 2, 0.9), new RegressionMetrics(1, 2, 0.8));
        var card = new ModelCard
        {
            ModelName = "m",
            RunId = "r1",
            CreatedAt = DateTimeOffset.UnixEpoch,
            Trainer = "lightgbm",
            Parameters = new Dictionary<string, string> { ["seed"] = "42" },
            FeatureVersion = "features-v1",
            FeatureNames = ["a"],
            Metrics = metrics,
            Data = new DataFingerprint("/home/alice/data.csv", "abc", 10, 1, 7, 2),
            Timings = new TrainingTimings(1, 2, 3),
            Canaries = [new CanaryRow(new CanaryInput("2025-01-01", 1, 1, 0.1, 0.1, 0.1, 1), new ForecastTargets(1, 1))],
        };

        var view = ModelCardViews.ForClients(card);

        Assert.Multiple(() =>
        {
            Assert.That(view.Canaries, Is.Empty);
            Assert.That(view.Data, Is.EqualTo(new DataFingerprint("data.csv", "abc", 10, 1, 7, 2)));
            Assert.That(view.Metrics, Is.EqualTo(metrics));
            Assert.That(view.RunId, Is.EqualTo("r1"));
            Assert.That(card.Canaries, Has.Count.EqualTo(1), "the stored card is not changed");
        });
    }
}
