using Azure.Core;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;

namespace ArchiveForecast.Core.Configuration;

/// <summary>
/// Builds the <see cref="BlobContainerClient"/> of a storage section (<see cref="BlobContainerSettings"/>). The Azure
/// client registration calls it with the credential and client options it holds for every client; nothing else does.
/// </summary>
public static class BlobContainerClientFactory
{
    /// <summary>Creates the client of a configuration section.</summary>
    /// <param name="settings">The section's container URL, or connection string and container name.</param>
    /// <param name="credential">The credential for the container URL; unused with a connection string.</param>
    /// <param name="options">The client options, with the service's retry policy.</param>
    /// <param name="logger">Logs which credential a container URL is reached with (never a secret).</param>
    /// <exception cref="InvalidOperationException">Neither or both of the URL and the connection string are set, or the URL is unusable.</exception>
    public static BlobContainerClient Create(BlobContainerSettings settings, TokenCredential credential, BlobClientOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(logger);
        string sectionName = settings.SectionName;
        var hasConnectionString = !string.IsNullOrWhiteSpace(settings.ConnectionString);
        if (settings.ContainerUri is not null && hasConnectionString)
        {
            throw new InvalidOperationException(
                $"Set either {sectionName}:ContainerUri (managed identity) or {sectionName}:ConnectionString (Azurite), not both.");
        }

        if (settings.ContainerUri is { } containerUri)
        {
            CheckContainerUri(sectionName, containerUri);
            CoreLog.StorageCredentialChosen(logger, sectionName, AzureCredentialFactory.Describe(settings.ManagedIdentityClientId));
            return new BlobContainerClient(containerUri, credential, options);
        }

        if (hasConnectionString)
        {
            if (string.IsNullOrWhiteSpace(settings.ContainerName))
            {
                throw new InvalidOperationException($"{sectionName}:ContainerName is required with {sectionName}:ConnectionString.");
            }

            try
            {
                return new BlobContainerClient(settings.ConnectionString, settings.ContainerName, options);
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
