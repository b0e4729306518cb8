using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Integration.Tests.Identity;

/// <summary>
/// Plays the App Service / Azure Functions managed identity endpoint on 127.0.0.1 (what <c>IDENTITY_ENDPOINT</c> and
/// <c>IDENTITY_HEADER</c> point at): it checks the <c>X-IDENTITY-HEADER</c> secret and answers
/// <c>{access_token, expires_on, resource, token_type}</c> with an unsigned JWT for the requested resource, as
/// Azurite's <c>--oauth basic</c> checks them (issuer prefix, audience, lifetime; no signature).
/// </summary>
public sealed class FakeManagedIdentityEndpoint : IAsyncDisposable
{
    public const string Issuer = "https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/";

    private readonly WebApplication app;
    private readonly TimeProvider timeProvider;
    private readonly ConcurrentQueue<string> requests = new();

    private FakeManagedIdentityEndpoint(WebApplication app, TimeProvider timeProvider, IssuedToken issue)
    {
        this.app = app;
        this.timeProvider = timeProvider;
        Issue = issue;
    }

    public IssuedToken Issue { get; set; }

    /// <summary>The secret the platform puts in <c>IDENTITY_HEADER</c>.</summary>
    public string Header { get; } = Convert.ToHexString(Guid.NewGuid().ToByteArray());

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The resources asked for, one per token request, including refused ones (as "refused").</summary>
    public IReadOnlyCollection<string> Requests => requests;

    /// <summary>Environment variables that make a process see this endpoint as its platform's identity endpoint.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["IDENTITY_ENDPOINT"] = Endpoint.ToString(),
        ["IDENTITY_HEADER"] = Header,
    };

    public static async Task<FakeManagedIdentityEndpoint> StartAsync(IssuedToken issue, TimeProvider timeProvider)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var endpoint = new FakeManagedIdentityEndpoint(app, timeProvider, issue);
        app.MapGet("/msi/token", endpoint.Answer);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        endpoint.Endpoint = new Uri($"{address}/msi/token");
        return endpoint;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>An unsigned JWT (alg none) with the claims Azure AD access tokens carry for a managed identity.</summary>
    public static string UnsignedJwt(string audience, DateTimeOffset notBefore, DateTimeOffset expires)
    {
        var header = new { typ = "JWT", alg = "none" };
        var payload = new Dictionary<string, object>
        {
            ["aud"] = audience,
            ["iss"] = Issuer,
            ["iat"] = notBefore.ToUnixTimeSeconds(),
            ["nbf"] = notBefore.ToUnixTimeSeconds(),
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["oid"] = "00000000-0000-0000-0000-0000000000a1",
            ["tid"] = "72f988bf-86f1-41af-91ab-2d7cd011db47",
            ["sub"] = "00000000-0000-0000-0000-0000000000a1",
            ["appid"] = "00000000-0000-0000-0000-0000000000a2",
            ["idtyp"] = "app",
        };
        return $"{Base64Url(JsonSerializer.SerializeToUtf8Bytes(header))}.{Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload))}.";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private IResult Answer(HttpRequest request)
    {
        if (request.Headers["X-IDENTITY-HEADER"] != Header)
        {
            requests.Enqueue("refused");
            return Results.Json(new { error = "invalid_request", error_description = "X-IDENTITY-HEADER missing or wrong" }, statusCode: 400);
        }

        var resource = request.Query["resource"].ToString();
        requests.Enqueue(resource);
        var now = timeProvider.GetUtcNow();
        var (audience, notBefore, expires) = Issue switch
        {
            IssuedToken.WrongAudience => ("https://vault.azure.net", now.AddMinutes(-5), now.AddHours(1)),
            IssuedToken.Expired => (resource, now.AddHours(-2), now.AddHours(-1)),
            _ => (resource, now.AddMinutes(-5), now.AddHours(1)),
        };

        return Results.Json(new Dictionary<string, string>
        {
            ["access_token"] = UnsignedJwt(audience, notBefore, expires),
            ["expires_on"] = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["resource"] = resource,
            ["token_type"] = "Bearer",
            ["client_id"] = "00000000-0000-0000-0000-0000000000a2",
        });
    }
}
