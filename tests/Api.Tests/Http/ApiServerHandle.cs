namespace ArchiveForecast.Api.Tests.Http;

/// <summary>What a matrix row needs of the server to build its request (public for test case sources; the server is not).</summary>
public sealed class ApiServerHandle
{
    internal ApiServerHandle(ApiServer server) => Server = server;

    internal ApiServer Server { get; }
}
