namespace ArchiveForecast.Api.Tests.Http;

/// <summary>Where a request carries its key.</summary>
public enum KeyPlace
{
    Header,
    Query,
}
