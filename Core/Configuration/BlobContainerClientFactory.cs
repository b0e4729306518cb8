using Azure.Core;
using Azure.Storage.Blobs;

namespace ArchiveForecast.Core.Configuration;

/// <summary>
/// Builds a <see cref="BlobContainerClient"/> from the one configuration shape every storage section shares: a
/// container URL reached with managed identity (Azure), or a connection string plus container name (Azurite).
/// </summary>
public static class BlobContainerClientFactory
{
    /// <summary>Client options with bounded retries, so an unreachable store fails in seconds rather than minutes.</summary>
    public static BlobClientOptions CreateOptions()
    {
        var options = new BlobClientOptions();
        AzureRetry.Apply(options.Retry, AzureRetry.StorageNetworkTimeout);
        return options;
    }

    /// <summary>Creates the client of a configuration section.</summary>
    /// <param name="sectionName">The configuration section, named in error messages (<c>ModelStore</c>, <c>TrainingData</c>).</param>
    /// <param name="containerUri">The container URL (https, no query string), used with <paramref name="credential"/>.</param>
    /// <param name="connectionString">A storage connection string (Azurite, local development).</param>
    /// <param name="containerName">The container used with <paramref name="connectionString"/>.</param>
    /// <param name="credential">The credential for <paramref name="containerUri"/>; see <see cref="AzureCredentialFactory"/>.</param>
    /// <param name="options">Client options; <see cref="CreateOptions"/> when null.</param>
    /// <returns>The client, and whether to try creating the container when missing (always: where the identity may not, the store says so in one line).</returns>
    /// <exception cref="InvalidOperationException">Neither or both of the URL and the connection string are set, or the URL is unusable.</exception>
    public static (BlobContainerClient Client, bool CreateIfMissing) Create(
        string sectionName,
        Uri? containerUri,
        string? connectionString,
        string containerName,
        Func<TokenCredential> credential,
        BlobClientOptions? options = null)
    {
        options ??= CreateOptions();
        var hasConnectionString = !string.IsNullOrWhiteSpace(connectionString);
        if (containerUri is not null && hasConnectionString)
        {
            throw new InvalidOperationException(
                $"Set either {sectionName}:ContainerUri (managed identity) or {sectionName}:ConnectionString (Azurite), not both.");
        }

        if (containerUri is not null)
        {
            CheckContainerUri(sectionName, containerUri);

            // Created when missing if the identity may; where it may not, the store says so in one line (BlobArtifactStore).
            return (new BlobContainerClient(containerUri, credential(), options), true);
        }

        if (hasConnectionString)
        {
            if (string.IsNullOrWhiteSpace(containerName))
            {
                throw new InvalidOperationException($"{sectionName}:ContainerName is required with {sectionName}:ConnectionString.");
            }

            try
            {
                return (new BlobContainerClient(connectionString, containerName, options), true);
            }
            catch (FormatException ex)
            {
                throw new InvalidOperationException($"{sectionName}:ConnectionString is not a valid storage connection string.", ex);
            }
        }

        throw new InvalidOperationException($"Neither {sectionName}:ContainerUri nor {sectionName}:ConnectionString is set.");
    }

    /// <summary>Checks that a container URL can be used with a token credential: absolute https, a container segment, no SAS or other query.</summary>
    /// <exception cref="InvalidOperationException">It cannot.</exception>
    public static void CheckContainerUri(string sectionName, Uri containerUri)
    {
        if (!containerUri.IsAbsoluteUri || containerUri.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidOperationException(
                $"{sectionName}:ContainerUri must be an absolute https URL such as https://<account>.blob.core.windows.net/<container>; managed identity tokens are never sent over http.");
        }

        if (!string.IsNullOrEmpty(containerUri.Query))
        {
            throw new InvalidOperationException(
                $"{sectionName}:ContainerUri must not carry a query string (a SAS token is a secret; access goes through managed identity).");
        }

        if (containerUri.AbsolutePath.Trim('/').Length == 0)
        {
            throw new InvalidOperationException($"{sectionName}:ContainerUri must name a container: https://<account>.blob.core.windows.net/<container>.");
        }
    }
}
