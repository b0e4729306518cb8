using System.Net;
using System.Net.Sockets;
using ArchiveForecast.Integration.Tests.Identity;
using ArchiveForecast.Integration.Tests.Processes;

namespace ArchiveForecast.Integration.Tests.Configuration;

/// <summary>A Key Vault that cannot be reached at start stops the command with a message naming the vault and the setting.</summary>
[Category("Integration")]
public sealed class KeyVaultStartupTests
{
    [Test]
    public async Task AnyCommand_WhenTheKeyVaultIsUnreachable_FailsNamingTheVaultAndTheSetting()
    {
        // The platform identity endpoint is a loopback fake, so no credential ever looks beyond this machine.
        await using var identity = await FakeManagedIdentityEndpoint.StartAsync(IssuedToken.Valid, TimeProvider.System);
        var vault = $"https://127.0.0.1:{ClosedLoopbackPort()}/";
        using var work = new TempFolder();
        var environment = new Dictionary<string, string>(identity.Environment) { ["KeyVault__Uri"] = vault };

        var result = await CliProcess.RunAsync(["versions", "--store", work.File("models")], environment, work.Path);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Not.Zero, result.ToString());
            Assert.That(result.StandardError, Does.Contain(vault).And.Contain("KeyVault:Uri").And.Contain("listing its secrets failed"), result.ToString());
        });
    }

    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
