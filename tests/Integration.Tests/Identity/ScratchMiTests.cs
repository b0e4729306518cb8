using System.Diagnostics;
using ArchiveForecast.Integration.Tests.Azurite;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;

namespace ArchiveForecast.Integration.Tests.Identity;

[Category("Integration")]
public sealed class ScratchMiTests
{
    [TestCase(IssuedToken.Valid)]
    [TestCase(IssuedToken.WrongAudience)]
    [TestCase(IssuedToken.Expired)]
    public async Task Scratch(IssuedToken issue)
    {
        using var cert = TestCertificate.Create(TimeProvider.System);
        await using var azurite = await AzuriteInstance.StartAsync(new AzuriteSettings(cert, OAuth: true));
        await using var identity = await FakeManagedIdentityEndpoint.StartAsync(issue, TimeProvider.System);
        var options = new BlobClientOptions { Transport = new HttpClientTransport(cert.CreatePinnedHandler()) };
        await new BlobContainerClient(azurite.ConnectionString, "models", options).CreateIfNotExistsAsync();
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("/tmp/mi-scratch/bin/Debug/net10.0/mi-scratch.dll");
        psi.ArgumentList.Add(azurite.ContainerUri("models").ToString());
        foreach (var (k, v) in identity.Environment) psi.Environment[k] = v;
        psi.Environment["SSL_CERT_FILE"] = cert.CertificatePemPath;
        using var p = Process.Start(psi)!;
        var stdout = await p.StandardOutput.ReadToEndAsync();
        var stderr = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        TestContext.Out.WriteLine($"{issue} exit {p.ExitCode}\n{stdout}\n{stderr}\nrequests: {string.Join(",", identity.Requests)}");
    }
}
