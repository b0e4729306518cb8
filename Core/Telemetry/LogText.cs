using System.Globalization;
using System.Text;

namespace ArchiveForecast.Core.Telemetry;

/// <summary>
/// Makes text safe for a line-oriented log: carriage returns, line feeds and other control characters (and the
/// Unicode line and paragraph separators) are written as escapes, so a value taken from a request cannot end a log
/// line and forge the next one.
/// </summary>
public static class LogText
{
    /// <summary>The text with every line-breaking or control character escaped (<c>\r</c>, <c>\n</c>, <c>\t</c>, <c>\u0000</c>).</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text) || !NeedsEscaping(text))
        {
            return text ?? string.Empty;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            switch (c)
            {
                case '\r':
                    escaped.Append(@"\r");
                    break;
                case '\n':
                    escaped.Append(@"\n");
                    break;
                case '\t':
                    escaped.Append(@"\t");
                    break;
                default:
                    if (IsBreaking(c))
                    {
                        escaped.Append(@"\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        escaped.Append(c);
                    }

                    break;
            }
        }

        return escaped.ToString();
    }

    private static bool NeedsEscaping(string text)
    {
        foreach (char c in text)
        {
            if (IsBreaking(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBreaking(char c) => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085';
}
