using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace ArchiveForecast.Api.Ui;

/// <summary>
/// The scenario page, embedded in the assembly, with a Content-Security-Policy that allows nothing but the page's own
/// inline scripts and styles, pinned by their SHA-256 hashes (computed here, so editing the page cannot loosen it).
/// </summary>
public static partial class UiPage
{
    private const string ResourceName = "ArchiveForecast.Api.Ui.index.html";

    private static readonly Lazy<(byte[] Html, string Policy)> Page = new(Load);

    /// <summary>The page's bytes (UTF-8).</summary>
    public static ReadOnlyMemory<byte> Html => Page.Value.Html;

    /// <summary>The Content-Security-Policy the page is served with.</summary>
    public static string ContentSecurityPolicy => Page.Value.Policy;

    /// <summary>The policy for a page: API calls to this origin only, inline code only by hash, no framing, no plugins.</summary>
    public static string BuildPolicy(string html)
    {
        string scripts = Hashes(ScriptBlocks(), html);
        string styles = Hashes(StyleBlocks(), html);
        return string.Join(
            "; ",
            "default-src 'none'",
            $"script-src {(scripts.Length == 0 ? "'none'" : scripts)}",
            $"style-src {(styles.Length == 0 ? "'none'" : styles)}",
            "connect-src 'self'",
            "img-src 'self' data:",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'");
    }

    private static (byte[] Html, string Policy) Load()
    {
        using var stream = typeof(UiPage).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string html = reader.ReadToEnd();
        return (Encoding.UTF8.GetBytes(html), BuildPolicy(html));
    }

    private static string Hashes(Regex blocks, string html) =>
        string.Join(' ', blocks.Matches(html).Select(m => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups["body"].Value)))}'"));

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>(?<body>.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ScriptBlocks();

    [GeneratedRegex("<style[^>]*>(?<body>.*?)</style>", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex StyleBlocks();
}
