using ArchiveForecast.Api.Hosting;

namespace ArchiveForecast.Api.Tests.Hosting;

[TestFixture]
public sealed class UnmatchedRequestMiddlewareTests
{
    [TestCase("/api/models/../predict")]
    [TestCase("/api/models/%2e%2e/predict")]
    [TestCase("/api/models/%2E%2e/predict")]
    [TestCase("/api/models/.%2e/versions")]
    [TestCase("/api/./health")]
    [TestCase("/api/models/%2e%2e")]
    public void HasDotSegment_DotSegmentsPlainOrEncoded_AreFound(string rawTarget) =>
        Assert.That(UnmatchedRequestMiddleware.HasDotSegment(rawTarget), Is.True);

    [TestCase("/api/predict")]
    [TestCase("/api/models/a..b/predict")]
    [TestCase("/api/openapi.json")]
    [TestCase("/api/predict?x=../y")]
    [TestCase("/api/models/..%2f..%2fetc/versions")]
    [TestCase(null)]
    public void HasDotSegment_OrdinaryTargets_AreNotFlagged(string? rawTarget) =>
        Assert.That(UnmatchedRequestMiddleware.HasDotSegment(rawTarget), Is.False);
}
