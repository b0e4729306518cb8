using ArchiveForecast.Api.Ui;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Api.Handlers;

/// <summary><c>GET /api/ui</c>: the static scenario page; it asks the user for a key and calls the API from the browser.</summary>
public sealed class UiHandler(ILogger<UiHandler> logger)
{
    /// <summary>Returns the page.</summary>
    public Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken) =>
        HandlerGuard.RunAsync(
            request,
            logger,
            () => Task.FromResult<IResult>(new HtmlPageResult(UiPage.Html, UiPage.ContentSecurityPolicy)),
            cancellationToken);
}
