using ArchiveForecast.Api.Routing;
using ArchiveForecast.Api.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ArchiveForecast.Api.Tests.Security;

[TestFixture]
public sealed class KeyAuthorizerTests
{
    private const string FunctionKey = "function-key-0123456789";
    private const string AdminKey = "admin-key-0123456789abc";

    private static KeyAuthorizer Authorizer(bool allowAnonymous = false) =>
        new(Options.Create(new AuthOptions { FunctionKeys = [FunctionKey], AdminKeys = [AdminKey], AllowAnonymous = allowAnonymous }));

    private static HttpRequest Request(string? header = null, string? query = null)
    {
        var context = new DefaultHttpContext();
        if (header is not null)
        {
            context.Request.Headers[KeyAuthorizer.HeaderName] = header;
        }

        if (query is not null)
        {
            context.Request.QueryString = QueryString.Create(KeyAuthorizer.QueryName, query);
        }

        return context.Request;
    }

    [TestCase(KeyLevel.Anonymous, null, KeyCheck.Allowed)]
    [TestCase(KeyLevel.Anonymous, "wrong-key-0123456789", KeyCheck.Allowed)]
    [TestCase(KeyLevel.Function, null, KeyCheck.Missing)]
    [TestCase(KeyLevel.Function, "wrong-key-0123456789", KeyCheck.Invalid)]
    [TestCase(KeyLevel.Function, FunctionKey, KeyCheck.Allowed)]
    [TestCase(KeyLevel.Function, AdminKey, KeyCheck.Allowed)]
    [TestCase(KeyLevel.Admin, null, KeyCheck.Missing)]
    [TestCase(KeyLevel.Admin, "wrong-key-0123456789", KeyCheck.Invalid)]
    [TestCase(KeyLevel.Admin, FunctionKey, KeyCheck.Insufficient)]
    [TestCase(KeyLevel.Admin, AdminKey, KeyCheck.Allowed)]
    public void Check_KeyInHeaderOrQuery_GivesTheLevelOutcome(KeyLevel level, string? key, KeyCheck expected)
    {
        var authorizer = Authorizer();

        Assert.Multiple(() =>
        {
            Assert.That(authorizer.Check(Request(header: key), level), Is.EqualTo(expected), "header");
            Assert.That(authorizer.Check(Request(query: key), level), Is.EqualTo(expected), "query");
        });
    }

    [Test]
    public void Check_KeyWithDifferentCaseOrPadding_IsInvalid()
    {
        var authorizer = Authorizer();

        Assert.Multiple(() =>
        {
            Assert.That(authorizer.Check(Request(header: FunctionKey.ToUpperInvariant()), KeyLevel.Function), Is.EqualTo(KeyCheck.Invalid));
            Assert.That(authorizer.Check(Request(header: FunctionKey + " "), KeyLevel.Function), Is.EqualTo(KeyCheck.Invalid));
            Assert.That(authorizer.Check(Request(header: FunctionKey[..^1]), KeyLevel.Function), Is.EqualTo(KeyCheck.Invalid));
        });
    }

    [Test]
    public void Check_HeaderPresent_WinsOverQuery()
    {
        var authorizer = Authorizer();

        Assert.That(authorizer.Check(Request(header: "wrong-key-0123456789", query: AdminKey), KeyLevel.Function), Is.EqualTo(KeyCheck.Invalid));
    }

    [Test]
    public void Check_AllowAnonymous_OpensAdminRoutesWithoutKey()
    {
        var authorizer = Authorizer(allowAnonymous: true);

        Assert.That(authorizer.Check(Request(), KeyLevel.Admin), Is.EqualTo(KeyCheck.Allowed));
    }
}
