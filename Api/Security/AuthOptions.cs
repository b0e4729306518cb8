namespace ArchiveForecast.Api.Security;

/// <summary>
/// The keys <c>archive-forecast serve</c> accepts (the Functions host keeps its own). As environment variables:
/// <c>Auth__FunctionKeys__0</c>, <c>Auth__AdminKeys__0</c>; from Key Vault as <c>Auth--FunctionKeys--0</c>.
/// </summary>
public sealed class AuthOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Auth";

    /// <summary>The shortest key accepted: a guessable key is worse than none because it looks safe.</summary>
    public const int MinimumKeyLength = 16;

    /// <summary>Keys that open function-level routes.</summary>
    public List<string> FunctionKeys { get; set; } = [];

    /// <summary>Keys that open every route (an admin key also satisfies function level).</summary>
    public List<string> AdminKeys { get; set; } = [];

    /// <summary>Serve every route without a key. Only for a loopback demo; logged loudly at start.</summary>
    public bool AllowAnonymous { get; set; }
}
