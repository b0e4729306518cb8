using System.Security.Cryptography;
using ArchiveForecast.Api.Ui;

namespace ArchiveForecast.Api.Tests.Ui;

[TestFixture]
public sealed class UiPageTests
{
    [Test]
    public void Html_IsTheEmbeddedAccessiblePage()
    {
        string html = Encoding.UTF8.GetString(UiPage.Html.Span);

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.StartWith("<!doctype html>"));
            Assert.That(html, Does.Contain("<html lang=\"en\">"));
            Assert.That(html, Does.Contain("<title>"));
            Assert.That(html, Does.Contain("<main>"));
        });
    }

    [Test]
    public void ContentSecurityPolicy_DeniesByDefaultAndForbidsFraming()
    {
        Assert.That(
            UiPage.ContentSecurityPolicy,
            Does.StartWith("default-src 'none'").And.Contain("frame-ancestors 'none'").And.Contain("connect-src 'self'").And.Not.Contain("unsafe"));
    }

    [Test]
    public void BuildPolicy_PinsEveryInlineScriptAndStyleByHash()
    {
        const string script = "console.log(1);";
        const string style = "body{color:red}";
        string html = $"<html><head><style>{style}</style><script>{script}</script><script src=\"x.js\"></script></head></html>";

        string policy = UiPage.BuildPolicy(html);

        Assert.Multiple(() =>
        {
            Assert.That(policy, Does.Contain($"script-src '{Hash(script)}'"));
            Assert.That(policy, Does.Contain($"style-src '{Hash(style)}'"));
        });
    }

    [Test]
    public void BuildPolicy_PageWithoutScripts_AllowsNoScript() =>
        Assert.That(UiPage.BuildPolicy("<html><body>hi</body></html>"), Does.Contain("script-src 'none'"));

    private static string Hash(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
