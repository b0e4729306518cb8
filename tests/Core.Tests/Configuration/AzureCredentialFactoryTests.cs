using Azure.Identity;

namespace ArchiveForecast.Core.Tests.Configuration;

public sealed class AzureCredentialFactoryTests
{
    [Test]
    public void Create_WhenThePlatformSetsAnIdentityEndpoint_UsesManagedIdentityDirectly()
    {
        var environment = Environment(("IDENTITY_ENDPOINT", "http://127.0.0.1:41000/msi/token"), ("IDENTITY_HEADER", "x"));

        var credential = AzureCredentialFactory.Create(null, environment);

        Assert.That(credential, Is.TypeOf<ManagedIdentityCredential>());
    }

    [Test]
    public void Create_WhenOnlyTheLegacyMsiEndpointIsSet_UsesManagedIdentityDirectly()
    {
        var credential = AzureCredentialFactory.Create(null, Environment(("MSI_ENDPOINT", "http://127.0.0.1:41000/msi/token")));

        Assert.That(credential, Is.TypeOf<ManagedIdentityCredential>());
    }

    [Test]
    public void Create_OffPlatform_UsesDefaultAzureCredential()
    {
        var credential = AzureCredentialFactory.Create("11111111-2222-3333-4444-555555555555", Environment());

        Assert.That(credential, Is.TypeOf<DefaultAzureCredential>());
    }

    [Test]
    public void Describe_NamesTheCredentialAndTheIdentityKind()
    {
        var onPlatform = AzureCredentialFactory.Describe("  abc  ", Environment(("IDENTITY_ENDPOINT", "http://127.0.0.1:1/")));
        var offPlatform = AzureCredentialFactory.Describe(null, Environment());

        Assert.Multiple(() =>
        {
            Assert.That(onPlatform, Is.EqualTo("ManagedIdentityCredential (user-assigned abc)"));
            Assert.That(offPlatform, Is.EqualTo("DefaultAzureCredential (managed identity: system-assigned)"));
        });
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
