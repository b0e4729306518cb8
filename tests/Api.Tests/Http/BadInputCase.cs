namespace ArchiveForecast.Api.Tests.Http;

/// <summary>One row of the bad-input matrix: how to build the request, and the status and error pointers it must get.</summary>
public sealed record BadInputCase(string Name, Func<ApiServerHandle, HttpRequestMessage> Build, HttpStatusCode Status, string[] Pointers, string? Allow = null)
{
    public override string ToString() => Name;
}
