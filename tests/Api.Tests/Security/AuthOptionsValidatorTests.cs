using ArchiveForecast.Api.Security;

namespace ArchiveForecast.Api.Tests.Security;

[TestFixture]
public sealed class AuthOptionsValidatorTests
{
    private static readonly AuthOptionsValidator Validator = new();

    [Test]
    public void Validate_NoKeysAndNoFlag_FailsNamingTheSettings()
    {
        var result = Validator.Validate(null, new AuthOptions());

        Assert.Multiple(() =>
        {
            Assert.That(result.Failed, Is.True);
            Assert.That(result.FailureMessage, Does.Contain("Auth__FunctionKeys__0").And.Contain("--allow-anonymous"));
        });
    }

    [Test]
    public void Validate_NoKeysWithAllowAnonymous_Succeeds() =>
        Assert.That(Validator.Validate(null, new AuthOptions { AllowAnonymous = true }).Succeeded, Is.True);

    [Test]
    public void Validate_OnlyAnAdminKey_Succeeds() =>
        Assert.That(Validator.Validate(null, new AuthOptions { AdminKeys = ["0123456789abcdef"] }).Succeeded, Is.True);

    [TestCase("")]
    [TestCase("short")]
    [TestCase("0123456789abcde")]
    [TestCase("0123456789 abcdef")]
    [TestCase("0123456789abcdef\n")]
    public void Validate_WeakOrPaddedKey_FailsNamingItsIndex(string key)
    {
        var result = Validator.Validate(null, new AuthOptions { FunctionKeys = ["0123456789abcdef", key] });

        Assert.Multiple(() =>
        {
            Assert.That(result.Failed, Is.True);
            Assert.That(result.FailureMessage, Does.Contain("Auth:FunctionKeys:1"));
            Assert.That(result.FailureMessage, Does.Not.Contain("0123456789abcdef"), "a key never appears in a message");
        });
    }
}
