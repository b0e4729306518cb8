namespace ArchiveForecast.Api.Tests.Http;

/// <summary>Reads JSON answers of the API in tests.</summary>
internal static class JsonResponses
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        string text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"), text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> GetAsync(ApiServer server, string path, string? key = TestKeys.Function, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await server.SendAsync(HttpMethod.Get, path, key);
        return await ReadAsync(response, expected);
    }

    public static async Task<JsonElement> PostAsync(ApiServer server, string path, string? json = null, string? key = TestKeys.Admin, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await server.SendAsync(HttpMethod.Post, path, key, json);
        return await ReadAsync(response, expected);
    }
}
