using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ArchiveForecast.Integration.Tests.Azurite;

/// <summary>
/// A throwaway self-signed certificate for 127.0.0.1, made per run and written as PEM files (for Azurite's --cert and
/// --key, and for a child process's SSL_CERT_FILE). Nothing trusts it except what a test points at it.
/// </summary>
public sealed class TestCertificate : IDisposable
{
    private readonly DirectoryInfo folder;

    private TestCertificate(DirectoryInfo folder, X509Certificate2 certificate)
    {
        this.folder = folder;
        Certificate = certificate;
    }

    public X509Certificate2 Certificate { get; }

    public string CertificatePemPath => Path.Combine(folder.FullName, "cert.pem");

    public string KeyPemPath => Path.Combine(folder.FullName, "key.pem");

    public static TestCertificate Create(TimeProvider timeProvider)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.KeyCertSign, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = timeProvider.GetUtcNow();
        using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));

        var folder = Directory.CreateTempSubdirectory("azurite-cert-");
        File.WriteAllText(Path.Combine(folder.FullName, "cert.pem"), created.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder.FullName, "key.pem"), key.ExportPkcs8PrivateKeyPem());
        return new TestCertificate(folder, X509CertificateLoader.LoadCertificate(created.RawData));
    }

    /// <summary>A handler that trusts this certificate and nothing else (pinned by thumbprint, no system roots).</summary>
    public HttpClientHandler CreatePinnedHandler() =>
        new()
        {
            ServerCertificateCustomValidationCallback = (_, presented, _, errors) =>
                presented is not null
                && (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None
                && presented.RawData.AsSpan().SequenceEqual(Certificate.RawData),
        };

    public void Dispose()
    {
        Certificate.Dispose();
        try
        {
            folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
