namespace ArchiveForecast.Api.Tests.Http;

/// <summary>The keys the test servers are started with.</summary>
internal static class TestKeys
{
    public const string Function = "fn-test-key-0123456789abcdef";
    public const string Admin = "admin-test-key-0123456789abcdef";
    public const string Wrong = "wrong-test-key-0123456789abcdef";

    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Auth:FunctionKeys:0"] = Function,
        ["Auth:AdminKeys:0"] = Admin,
    };
}
