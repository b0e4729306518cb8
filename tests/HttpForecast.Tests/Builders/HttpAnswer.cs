using Microsoft.AspNetCore.Http;

namespace ArchiveForecast.HttpForecast.Tests.Builders;

/// <summary>What the client receives once the worker has executed the function's result on the response.</summary>
internal sealed record HttpAnswer(int Status, string? ContentType, IHeaderDictionary Headers, string Body)
{
    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("The body is JSON null.");

    /// <summary>Executes <paramref name="result"/> as the ASP.NET Core integration does, and reads the response.</summary>
    public static async Task<HttpAnswer> OfAsync(IResult result, HttpRequest request)
    {
        var response = request.HttpContext.Response;
        await result.ExecuteAsync(request.HttpContext);
        response.Body.Position = 0;
        using var reader = new StreamReader(response.Body);
        return new HttpAnswer(response.StatusCode, response.ContentType, response.Headers, await reader.ReadToEndAsync());
    }
}
