namespace ArchiveForecast.Api.Tests.Http;

/// <summary>Checks that a response is an RFC 9457 problem of the API, with no internals in it.</summary>
internal static class ProblemAssert
{
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status, params string[] pointers)
    {
        string text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), text);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("type").GetString(), Does.StartWith("https://archiveforecast.dev/problems/"));
            Assert.That(problem.GetProperty("title").GetString(), Is.Not.Null.And.Not.Empty);
            Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo((int)status));
            Assert.That(problem.GetProperty("detail").GetString(), Is.Not.Null.And.Not.Empty);
            Assert.That(problem.GetProperty("instance").GetString(), Does.StartWith("/"));
            Assert.That(problem.GetProperty("trace_id").GetString(), Is.Not.Null.And.Not.Empty);
            Assert.That(text, Does.Not.Contain("Exception").And.Not.Contain("   at ").And.Not.Contain(Path.GetTempPath()));
            if (pointers.Length > 0)
            {
                Assert.That(Pointers(problem), Is.EquivalentTo(pointers));
            }
        });
        return problem;
    }

    public static IReadOnlyList<string> Pointers(JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors)
            ? [.. errors.EnumerateArray().Select(e => e.GetProperty("pointer").GetString()!)]
            : [];
}
