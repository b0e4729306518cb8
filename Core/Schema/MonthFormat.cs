using System.Globalization;

namespace ArchiveForecast.Core.Schema;

/// <summary>The contract's month format: <c>YYYY-MM-01</c>, ASCII digits only, a real calendar month, day 01.</summary>
public static class MonthFormat
{
    /// <summary>Parses a month strictly; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string? text, out DateOnly month, out string error)
    {
        month = default;
        if (string.IsNullOrEmpty(text))
        {
            error = "month is required in the form YYYY-MM-01.";
            return false;
        }

        // Exact shape first: DateOnly.TryParseExact accepts neither full-width digits nor other separators with this
        // invariant pattern, but checking the shape by hand gives clearer messages ("day must be 01").
        if (text.Length != 10 || text[4] != '-' || text[7] != '-' || !AllAsciiDigits(text.AsSpan(0, 4))
            || !AllAsciiDigits(text.AsSpan(5, 2)) || !AllAsciiDigits(text.AsSpan(8, 2)))
        {
            error = "month must be in the form YYYY-MM-01.";
            return false;
        }

        int year = int.Parse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture);
        int monthNumber = int.Parse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        if (year < 1 || monthNumber is < 1 or > 12)
        {
            error = "month must be a real calendar month (01 to 12).";
            return false;
        }

        if (text[8] != '0' || text[9] != '1')
        {
            error = "month must name the first day of the month (YYYY-MM-01).";
            return false;
        }

        month = new DateOnly(year, monthNumber, 1);
        error = string.Empty;
        return true;
    }

    /// <summary>Formats a month as the contract writes it.</summary>
    public static string Format(DateOnly month) =>
        month.ToString("yyyy-MM-01", CultureInfo.InvariantCulture);

    private static bool AllAsciiDigits(ReadOnlySpan<char> span)
    {
        foreach (char c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
